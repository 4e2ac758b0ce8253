package kr.qfeedback.decision.lint;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import kr.qfeedback.feedback.ExamResult;
import kr.qfeedback.feedback.FeedbackDecision;
import kr.qfeedback.feedback.FeedbackRequest;
import kr.qfeedback.feedback.Grade;
import kr.qfeedback.feedback.Link;
import kr.qfeedback.feedback.Notice;
import kr.qfeedback.feedback.Reminder;
import kr.qfeedback.feedback.Section;
import kr.qfeedback.feedback.SectionId;
import kr.qfeedback.feedback.Stage;
import kr.qfeedback.reference.Qualification;
import kr.qfeedback.reference.YearlyPassRate;
import kr.qfeedback.rules.EucKrBytes;

/**
 * Reads one decided page the way a candidate would and reports every sentence that breaks the law
 * of docs/domain.md or shows a value that was not filled in. Titles, bodies, link labels, notices
 * and section data are read. Findings are returned, never thrown, so a caller can count them.
 */
public final class PageLint {

    /** What a finding is about. */
    public enum Rule {
        UNFILLED_PLACEHOLDER("a { or } of a template left in the text or data"),
        DASH_FOR_VALUE("a \"-\" standing for an unknown value inside a sentence"),
        PRACTICAL_ON_PROFESSIONAL_ENGINEER_PAGE("실기 (or PRACTICAL) on a 기술사 page: its second stage is 면접"),
        PAST_DATE_IN_FUTURE_TENSE("a date before asOf told as something still to do by (…까지 제출해야/하세요/놓치지 …)"),
        RESULT_CONTRADICTED_BY_SCORES(
                "a FAIL page claiming a shortfall the scores do not have (or the criterion met when it was not), or a PASS page with a 과락 mark"),
        BEON_AS_ROUND_COUNTER("\"\\d+번\" counting rounds: Korean counts them with 회"),
        HIGHER_GRADE_ON_TOP_GRADE("상위 등급 on a 기술사 page: 기술사 is the top grade"),
        ROUND_CODE_SHOWN("the request's round code (2026-1) shown instead of Q-Net's 제1회"),
        ZERO_PASS_RATE_WITHOUT_APPLICANTS("a pass rate shown for a stage and year with 0 applicants"),
        YOUTH_DISCOUNT_CUTOFF(
                "youth discount shown to someone born before 1 January of (asOf year − 35), or missing for a FAIL born on/after it"),
        EXEMPTION_WINDOW_NOT_PER_LAW(
                "written exemption window, days left or status not as 영 21조① and 민법 160조 give them"),
        NON_PUBLIC_ROUND_OFFERED("a round not open to the public (산업별 맞춤형 고교등 필기면제검정) offered to a general candidate"),
        REMINDER_NOT_TRUE(
                "a reminder before asOf or out of date order, a date other than the page's (deadline, next round, exemption end), documents due that are in or overdue, an exemption end of a void pass, a next step after a final pass"),
        TEXT_MESSAGE_TOO_LONG("an SMS over 90 or an LMS over 2,000 bytes in EUC-KR");

        private final String meaning;

        Rule(String meaning) {
            this.meaning = meaning;
        }

        public String meaning() {
            return meaning;
        }
    }

    /** One broken sentence: the rule, the request (compact JSON), where on the page, and the sentence. */
    public record Finding(Rule rule, String request, String where, String sentence) {
        @Override
        public String toString() {
            return rule + " at " + where + ": «" + sentence + "»\n      request " + request;
        }
    }

    /** A date as Display.date writes it into sentences: 2026.03.20. */
    private static final Pattern DATE = Pattern.compile("(?<!\\d)(\\d{4})\\.(\\d{2})\\.(\\d{2})(?!\\d)");

    private static final Pattern DATE_UNTIL = Pattern.compile(DATE.pattern() + "\\s*까지");
    /** Still to do, or still so: the tenses that make a past date a lie. */
    private static final Pattern FUTURE_TENSE =
            Pattern.compile("제출해야|제출하세요|접수하세요|접수해야|놓치지|하세요|해야 합니다|할 수 있습니다|면제됩니다|입니다|이고|이며");

    private static final Pattern PAST_TENSE = Pattern.compile("지났|끝났|마감되었|였습니다|었습니다|했습니다|됐습니다");
    /**
     * A hyphen standing alone for a value: not joining two letters or digits (Q-Net, 1644-8000,
     * 2026-03-20 are words and numbers) and not the minus of a number (-5).
     */
    private static final Pattern DASH =
            Pattern.compile("(?<![\\p{L}\\p{N}])-(?!\\p{N})|(?<=[\\p{L}\\p{N}])-(?![\\p{L}\\p{N}])");

    private static final Pattern BRACE = Pattern.compile("[{}]");
    private static final Pattern BEON = Pattern.compile("\\d+\\s?번(?![지호])");
    /** A round written as the request codes it (2026-1), not as Q-Net shows it (제1회); ISO dates are not rounds. */
    private static final Pattern ROUND_CODE = Pattern.compile("(?<![\\d.\\-])\\d{4}-\\d{1,3}(?![\\d\\-])");

    private static final Pattern QNET_ROUND = Pattern.compile("제\\s*\\d+\\s*회");
    private static final Pattern NON_PUBLIC_ROUND = Pattern.compile("맞춤형|필기면제검정");
    /** A claim that the score fell short (not the generic "부족한 부분을 채워 보세요" of learning material). */
    private static final Pattern SHORTFALL_CLAIM = Pattern.compile("미치지 못했|부족했|부족합니다|점이 부족");

    private static final Pattern CRITERION_MET_CLAIM = Pattern.compile("충족했|합격기준 이상이지만|점수가 원인이 아닙니다");
    /** Sentences end with . ? or ! followed by a space or the end (the dots of 2026.03.20 are followed by digits). */
    private static final Pattern SENTENCE_END = Pattern.compile("[.?!](?=\\s|$)");

    private final Function<String, Optional<Qualification>> reference;

    /** @param reference looks a qualification up by code (the rule set's reference data) */
    public PageLint(Function<String, Optional<Qualification>> reference) {
        this.reference = Objects.requireNonNull(reference, "reference must not be null");
    }

    public List<Finding> check(FeedbackRequest request, FeedbackDecision page, String requestJson) {
        Check c = new Check(request, page, requestJson);
        for (Section s : page.sections()) {
            c.text(s.id() + ".title", s.title());
            c.text(s.id() + ".body", s.body());
            for (int i = 0; i < s.links().size(); i++) {
                Link link = s.links().get(i);
                c.text(s.id() + ".links[" + i + "]", link.label());
            }
            c.data(s.id() + ".data", s.data());
        }
        for (Notice n : page.notices()) {
            c.text("notice " + n.code(), n.message());
        }
        for (Reminder r : page.reminders()) {
            c.text("reminder " + r.kind(), r.text());
        }
        if (page.notifications() != null) {
            c.text("sms", page.notifications().sms());
            // the LMS lists reminders as "- text" lines: the bullet is not a value
            c.text("lms", page.notifications().lms().replace("\n- ", "\n"));
        }
        c.reminders();
        c.scores();
        c.zeroApplicantRates();
        c.youthDiscount();
        c.exemption();
        return c.findings;
    }

    private final class Check {
        final FeedbackRequest request;
        final FeedbackDecision page;
        final String json;
        final Grade grade;
        final List<Finding> findings = new ArrayList<>();

        Check(FeedbackRequest request, FeedbackDecision page, String json) {
            this.request = request;
            this.page = page;
            this.json = json;
            this.grade = request.qualification().grade();
        }

        void add(Rule rule, String where, String sentence) {
            findings.add(new Finding(rule, json, where, sentence));
        }

        void text(String where, String text) {
            if (text == null || text.isEmpty()) {
                return;
            }
            everyMatch(BRACE, where, text, Rule.UNFILLED_PLACEHOLDER);
            everyMatch(DASH, where, text, Rule.DASH_FOR_VALUE);
            everyMatch(BEON, where, text, Rule.BEON_AS_ROUND_COUNTER);
            everyMatch(ROUND_CODE, where, text, Rule.ROUND_CODE_SHOWN);
            everyMatch(NON_PUBLIC_ROUND, where, text, Rule.NON_PUBLIC_ROUND_OFFERED);
            String round = request.exam().round();
            if (!QNET_ROUND.matcher(round).matches()
                    && text.contains(round)
                    && !ROUND_CODE.matcher(text).find()) {
                int at = text.indexOf(round);
                add(Rule.ROUND_CODE_SHOWN, where, sentence(text, at, at + round.length()));
            }
            if (grade == Grade.PROFESSIONAL_ENGINEER) {
                everyMatch(Pattern.compile("실기"), where, text, Rule.PRACTICAL_ON_PROFESSIONAL_ENGINEER_PAGE);
                everyMatch(Pattern.compile("상위\\s*등급"), where, text, Rule.HIGHER_GRADE_ON_TOP_GRADE);
            }
            Matcher until = DATE_UNTIL.matcher(text);
            while (until.find()) {
                LocalDate date = date(until);
                if (date == null || !date.isBefore(request.asOf())) {
                    continue;
                }
                String rest = text.substring(until.end(), sentenceEnd(text, until.end()));
                if (FUTURE_TENSE.matcher(rest).find()
                        && !PAST_TENSE.matcher(rest).find()) {
                    add(
                            Rule.PAST_DATE_IN_FUTURE_TENSE,
                            where + " (" + date + " < asOf " + request.asOf() + ")",
                            sentence(text, until.start(), until.end()));
                }
            }
        }

        /** Strings in data: a template brace, a "-" for null, PRACTICAL on a 기술사 page, a round code or a closed round. */
        void data(String where, Object value) {
            if (value instanceof Map<?, ?> map) {
                for (Map.Entry<?, ?> e : map.entrySet()) {
                    data(where + "." + e.getKey(), e.getValue());
                }
            } else if (value instanceof List<?> list) {
                for (int i = 0; i < list.size(); i++) {
                    data(where + "[" + i + "]", list.get(i));
                }
            } else if (value instanceof String s) {
                if (BRACE.matcher(s).find()) {
                    add(Rule.UNFILLED_PLACEHOLDER, where, s);
                }
                if (s.strip().equals("-")) {
                    add(Rule.DASH_FOR_VALUE, where, s);
                }
                if (grade == Grade.PROFESSIONAL_ENGINEER && (s.equals(Stage.PRACTICAL.name()) || s.contains("실기"))) {
                    add(Rule.PRACTICAL_ON_PROFESSIONAL_ENGINEER_PAGE, where, s);
                }
                if (where.endsWith(".round") && ROUND_CODE.matcher(s).find()) {
                    add(Rule.ROUND_CODE_SHOWN, where, s);
                }
                if (NON_PUBLIC_ROUND.matcher(s).find()) {
                    add(Rule.NON_PUBLIC_ROUND_OFFERED, where, s);
                }
            }
        }

        /** A result the scores contradict, judged by {@link PassLaw}. */
        void scores() {
            var exam = request.exam();
            Boolean meets = PassLaw.meets(grade, exam.stage(), exam.totalScore(), exam.subjects());
            if (exam.result() == ExamResult.FAIL && meets != null) {
                Pattern claim = meets ? SHORTFALL_CLAIM : CRITERION_MET_CLAIM;
                String why = meets ? " (scores meet the criterion)" : " (scores miss the criterion)";
                for (Section s : page.sections()) {
                    everyMatch(claim, s.id() + ".title" + why, s.title(), Rule.RESULT_CONTRADICTED_BY_SCORES);
                    everyMatch(claim, s.id() + ".body" + why, s.body(), Rule.RESULT_CONTRADICTED_BY_SCORES);
                }
            }
            if (exam.result() != ExamResult.PASS) {
                return;
            }
            section(SectionId.SCORE_BREAKDOWN).ifPresent(s -> {
                if (s.data().get("subjects") instanceof List<?> rows) {
                    for (int i = 0; i < rows.size(); i++) {
                        if (rows.get(i) instanceof Map<?, ?> row
                                && Boolean.TRUE.equals(row.get("belowSubjectMinimum"))) {
                            add(
                                    Rule.RESULT_CONTRADICTED_BY_SCORES,
                                    "SCORE_BREAKDOWN.data.subjects[" + i + "] on a PASS",
                                    row.get("name") + " " + row.get("score") + " belowSubjectMinimum=true");
                        }
                    }
                }
            });
            section(SectionId.PASS_CRITERIA).ifPresent(s -> {
                if (s.data().get("failedSubjects") instanceof List<?> failed && !failed.isEmpty()) {
                    add(
                            Rule.RESULT_CONTRADICTED_BY_SCORES,
                            "PASS_CRITERIA.data.failedSubjects on a PASS",
                            failed.toString());
                }
            });
        }

        /** A pass rate of a stage and year that nobody sat: 0 applicants give no rate, not 0 %. */
        void zeroApplicantRates() {
            Qualification q = reference.apply(request.qualification().code()).orElse(null);
            section(SectionId.PASSER_COMPARISON).ifPresent(s -> {
                if (s.data().get("applicants") instanceof Number n
                        && n.intValue() == 0
                        && s.data().get("passRate") != null) {
                    add(
                            Rule.ZERO_PASS_RATE_WITHOUT_APPLICANTS,
                            "PASSER_COMPARISON.data (" + s.data().get("year") + ": 0 applicants, passRate "
                                    + s.data().get("passRate") + ")",
                            sentenceWith(s.body(), "%"));
                }
            });
            if (q == null) {
                return;
            }
            section(SectionId.PASS_RATE_TREND).ifPresent(s -> {
                Stage stage = s.data().get("stage") instanceof String name ? Stage.valueOf(name) : null;
                if (stage == null || !(s.data().get("years") instanceof List<?> years)) {
                    return;
                }
                for (Object y : years) {
                    if (y instanceof Map<?, ?> row
                            && row.get("year") instanceof Number year
                            && row.get("passRate") != null
                            && noApplicants(q, stage, year.intValue())) {
                        add(
                                Rule.ZERO_PASS_RATE_WITHOUT_APPLICANTS,
                                "PASS_RATE_TREND.data.years",
                                stage + " " + year + ": 0 applicants, passRate " + row.get("passRate")
                                        + " in the chart; " + sentenceWith(s.body(), "%"));
                    }
                }
            });
            section(SectionId.PREP_PERIOD).ifPresent(s -> {
                if (!(s.data().get("year") instanceof Number year)) {
                    return;
                }
                if (s.data().get("writtenPassRate") != null && noApplicants(q, Stage.WRITTEN, year.intValue())) {
                    add(
                            Rule.ZERO_PASS_RATE_WITHOUT_APPLICANTS,
                            "PREP_PERIOD.writtenPassRate " + year + " (0 applicants)",
                            sentenceWith(s.body(), "%"));
                }
                if (s.data().get("secondStagePassRate") != null
                        && noApplicants(q, grade.secondStage(), year.intValue())) {
                    add(
                            Rule.ZERO_PASS_RATE_WITHOUT_APPLICANTS,
                            "PREP_PERIOD.secondStagePassRate " + year + " (0 applicants)",
                            sentenceWith(s.body(), "%"));
                }
            });
        }

        void youthDiscount() {
            LocalDate birth = request.candidate().birthDate();
            if (birth == null) {
                return;
            }
            LocalDate cutoff = PassLaw.youthCutoff(request.asOf());
            Optional<Section> shown = section(SectionId.YOUTH_FEE_DISCOUNT);
            if (shown.isPresent() && birth.isBefore(cutoff)) {
                add(
                        Rule.YOUTH_DISCOUNT_CUTOFF,
                        "YOUTH_FEE_DISCOUNT shown (born " + birth + ", before " + cutoff + ")",
                        shown.get().body());
            }
            if (shown.isEmpty() && request.exam().result() == ExamResult.FAIL && !birth.isBefore(cutoff)) {
                add(
                        Rule.YOUTH_DISCOUNT_CUTOFF,
                        "YOUTH_FEE_DISCOUNT missing on a FAIL (born " + birth + ", on/after " + cutoff + ")",
                        "(section absent) " + page.outcome().code());
            }
        }

        /** The window starts at the written pass being explained, else at the candidate's; it ends per 민법 160조. */
        /** The reminders against the page and the law; the text messages against their limits. */
        void reminders() {
            var exam = request.exam();
            LocalDate asOf = request.asOf();
            boolean finalPass = exam.result() == ExamResult.PASS && exam.stage() != Stage.WRITTEN;
            boolean writtenPass = exam.result() == ExamResult.PASS && exam.stage() == Stage.WRITTEN;
            Optional<Section> documents = section(SectionId.ELIGIBILITY_DOCUMENTS);
            boolean deadlinePassed = documents.isPresent()
                    && Boolean.TRUE.equals(documents.get().data().get("deadlinePassed"));
            Optional<Section> next = section(SectionId.NEXT_EXAM_SCHEDULE);
            LocalDate previous = LocalDate.MIN;
            for (Reminder r : page.reminders()) {
                String where = "reminder " + r.kind() + " " + r.date();
                if (r.date().isBefore(asOf) || r.date().isBefore(previous)) {
                    add(Rule.REMINDER_NOT_TRUE, where + " (asOf " + asOf + ", previous " + previous + ")", r.text());
                }
                previous = r.date();
                switch (r.kind()) {
                    case DOCUMENTS_DUE -> {
                        var status = request.candidate().eligibilityDocuments();
                        boolean due = writtenPass
                                && documents.isPresent()
                                && r.date()
                                        .toString()
                                        .equals(String.valueOf(
                                                documents.get().data().get("deadline")))
                                && status != kr.qfeedback.feedback.DocumentStatus.SUBMITTED
                                && status != kr.qfeedback.feedback.DocumentStatus.NOT_REQUIRED;
                        if (!due) {
                            add(Rule.REMINDER_NOT_TRUE, where + " documents not due", r.text());
                        }
                    }
                    case EXEMPTION_ENDS -> {
                        LocalDate from = writtenPass
                                ? exam.announcedOn()
                                : request.candidate().writtenPassAnnouncedOn();
                        if (finalPass
                                || deadlinePassed
                                || from == null
                                || !r.date().equals(PassLaw.exemptionEnd(from))) {
                            add(Rule.REMINDER_NOT_TRUE, where + " not this candidate's exemption end", r.text());
                        }
                    }
                    case REGISTRATION_OPENS, REGISTRATION_CLOSES, EXAM_DAY -> {
                        String field = r.kind() == kr.qfeedback.feedback.ReminderKind.REGISTRATION_OPENS
                                ? "registrationStart"
                                : r.kind() == kr.qfeedback.feedback.ReminderKind.REGISTRATION_CLOSES
                                        ? "registrationEnd"
                                        : "examDate";
                        if (finalPass
                                || next.isPresent()
                                        && !r.date()
                                                .toString()
                                                .equals(String.valueOf(
                                                        next.get().data().get(field)))) {
                            add(Rule.REMINDER_NOT_TRUE, where + " not the page's next round " + field, r.text());
                        }
                    }
                    case SURVEY_ENDS -> {
                        if (section(SectionId.SURVEY).isEmpty()) {
                            add(Rule.REMINDER_NOT_TRUE, where + " without the survey on the page", r.text());
                        }
                    }
                }
            }
            if (page.notifications() != null) {
                int sms = EucKrBytes.of(page.notifications().sms());
                int lms = EucKrBytes.of(page.notifications().lms());
                if (sms > 90) {
                    add(
                            Rule.TEXT_MESSAGE_TOO_LONG,
                            "sms " + sms + " bytes",
                            page.notifications().sms());
                }
                if (lms > 2000) {
                    add(
                            Rule.TEXT_MESSAGE_TOO_LONG,
                            "lms " + lms + " bytes",
                            page.notifications().lms());
                }
            }
        }

        void exemption() {
            Optional<Section> section = section(SectionId.WRITTEN_EXEMPTION);
            if (section.isEmpty()) {
                return;
            }
            var exam = request.exam();
            LocalDate from = exam.stage() == Stage.WRITTEN && exam.result() == ExamResult.PASS
                    ? exam.announcedOn()
                    : request.candidate().writtenPassAnnouncedOn();
            if (from == null) {
                return;
            }
            LocalDate until = PassLaw.exemptionEnd(from);
            long days = ChronoUnit.DAYS.between(request.asOf(), until);
            String status = PassLaw.exemptionStatus(days);
            Map<String, Object> data = section.get().data();
            List<String> wrong = new ArrayList<>();
            expect(wrong, "validFrom", from.toString(), data.get("validFrom"));
            expect(wrong, "validUntil", until.toString(), data.get("validUntil"));
            expect(wrong, "daysRemaining", Long.toString(days), data.get("daysRemaining"));
            expect(wrong, "status", status, data.get("status"));
            if (!wrong.isEmpty()) {
                add(
                        Rule.EXEMPTION_WINDOW_NOT_PER_LAW,
                        "WRITTEN_EXEMPTION.data " + String.join(", ", wrong),
                        section.get().body());
            }
        }

        private void expect(List<String> wrong, String field, String expected, Object actual) {
            String shown = actual == null ? null : actual.toString();
            if (!expected.equals(shown)) {
                wrong.add(field + " " + shown + " (law: " + expected + ")");
            }
        }

        private Optional<Section> section(SectionId id) {
            return page.sections().stream().filter(s -> s.id() == id).findFirst();
        }

        private void everyMatch(Pattern pattern, String where, String text, Rule rule) {
            if (text == null) {
                return;
            }
            Matcher m = pattern.matcher(text);
            int sentenceDone = -1;
            while (m.find()) {
                if (m.start() < sentenceDone) {
                    continue; // one finding per rule and sentence
                }
                sentenceDone = sentenceEnd(text, m.end());
                add(rule, where, sentence(text, m.start(), m.end()));
            }
        }
    }

    private static boolean noApplicants(Qualification q, Stage stage, int year) {
        List<YearlyPassRate> rates = stage == Stage.WRITTEN ? q.writtenStatistics() : q.secondStageStatistics();
        return rates.stream().anyMatch(r -> r.year() == year && r.applicants() == 0);
    }

    private static LocalDate date(Matcher m) {
        try {
            return LocalDate.of(
                    Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
        } catch (java.time.DateTimeException e) {
            return null;
        }
    }

    /** The sentence of {@code text} around the characters from {@code start} to {@code end}. */
    static String sentence(String text, int start, int end) {
        int from = 0;
        Matcher m = SENTENCE_END.matcher(text);
        while (m.find() && m.end() <= start) {
            from = m.end();
        }
        return text.substring(from, sentenceEnd(text, end)).strip();
    }

    private static int sentenceEnd(String text, int from) {
        Matcher m = SENTENCE_END.matcher(text);
        return m.find(Math.min(from, text.length())) ? m.end() : text.length();
    }

    private static String sentenceWith(String text, String fragment) {
        if (text == null) {
            return "";
        }
        int at = text.indexOf(fragment);
        return at < 0 ? text : sentence(text, at, at + fragment.length());
    }
}
