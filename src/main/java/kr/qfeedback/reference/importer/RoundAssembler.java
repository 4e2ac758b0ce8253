package kr.qfeedback.reference.importer;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import kr.qfeedback.feedback.Grade;
import kr.qfeedback.reference.ExamRound;
import kr.qfeedback.reference.ReferenceDataException;
import kr.qfeedback.reference.ScheduleDisagreement;

/**
 * Builds a qualification's {@link ExamRound}s from its own {@code schedule}, filling blank dates from
 * the series-level round of {@code schedules.json} (same round label and same written_pass date) and
 * adding the eligibility-document window from the raw API rows of {@code raw_sample.json}. Where both
 * schedules set a date and disagree, the round keeps the qualification's own date and the pair is
 * recorded as a {@link ScheduleDisagreement}. Rounds not open to the public ({@link NonPublicRounds})
 * are left out and their labels returned.
 */
final class RoundAssembler {

    static final List<String> DATE_FIELDS = List.of(
            "written_reg_start",
            "written_reg_end",
            "written_exam_start",
            "written_exam_end",
            "written_pass",
            "prac_reg_start",
            "prac_reg_end",
            "prac_exam_start",
            "prac_exam_end",
            "prac_pass_start",
            "prac_pass_end");

    /** Rounds by written pass date, then practical registration start (nulls last), then label. */
    static final Comparator<ExamRound> ORDER = Comparator.comparing(
                    ExamRound::writtenPassDate, Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparing(ExamRound::practicalRegistrationStart, Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparing(ExamRound::label);

    private static final Pattern ROUND_NUMBER = Pattern.compile("제\\s*(\\d+)\\s*회");
    private static final Pattern LOOSE_ROUND_NUMBER = Pattern.compile("(\\d+)\\s*회");

    /** The rounds of one qualification, with what the assembly found on the way. */
    record Assembled(List<ExamRound> rounds, List<ScheduleDisagreement> disagreements, List<String> leftOutLabels) {

        Assembled {
            rounds = List.copyOf(rounds);
            disagreements = List.copyOf(disagreements);
            leftOutLabels = List.copyOf(leftOutLabels);
        }
    }

    /** One item of schedules.json. */
    record SeriesRound(String name, String round, Map<String, String> values) {}

    /** One raw API row with its document window (either date may be null). */
    record DocumentRow(String list, Integer roundNumber, LocalDate writtenPass, LocalDate start, LocalDate end) {}

    private final List<SeriesRound> seriesRounds;
    private final List<DocumentRow> documentRows;
    private final Map<String, Integer> conflicts = new TreeMap<>();
    private final List<String> notes = new ArrayList<>();

    RoundAssembler(List<SeriesRound> seriesRounds, List<DocumentRow> documentRows) {
        this.seriesRounds = List.copyOf(seriesRounds);
        this.documentRows = List.copyOf(documentRows);
    }

    static Integer roundNumber(String text) {
        if (text == null) {
            return null;
        }
        Matcher m = ROUND_NUMBER.matcher(text);
        if (m.find()) {
            return Integer.valueOf(m.group(1));
        }
        m = LOOSE_ROUND_NUMBER.matcher(text);
        return m.find() ? Integer.valueOf(m.group(1)) : null;
    }

    /** The API list whose rows describe rounds of this grade (기능장 has none in the snapshot). */
    static String documentList(Grade grade) {
        if (grade == null) {
            return null;
        }
        return switch (grade) {
            case ENGINEER, INDUSTRIAL_ENGINEER, SERVICE -> "getEList";
            case CRAFTSMAN -> "getCList";
            case PROFESSIONAL_ENGINEER -> "getPEList";
            case MASTER_CRAFTSMAN -> null;
        };
    }

    Assembled rounds(String code, Grade grade, JsonNode schedule, String file) {
        String series = GradeClassifier.scheduleSeries(grade);
        List<RoundWithDisagreements> rounds = new ArrayList<>();
        List<String> leftOut = new ArrayList<>();
        for (int i = 0; i < schedule.size(); i++) {
            String where = file + ": schedule[" + i + "].";
            JsonNode entry = schedule.get(i);
            if (!entry.isObject()) {
                throw new ReferenceDataException(where.substring(0, where.length() - 1) + ": expected an object, got "
                        + QnetJson.describe(entry));
            }
            String label = QnetJson.text(entry, "round", where).trim();
            if (label.isEmpty()) {
                throw new ReferenceDataException(where + "round: is empty");
            }
            Map<String, String> values = new LinkedHashMap<>();
            for (String field : DATE_FIELDS) {
                values.put(field, QnetJson.optionalText(entry, field, where).trim());
            }
            if (NonPublicRounds.isNonPublic(label)) {
                dates(values, where); // validates the dates of a round left out as well
                leftOut.add(label);
                continue;
            }
            SeriesRound match = seriesRound(series, label, values.get("written_pass"), code);
            List<ScheduleDisagreement> disagreements = List.of();
            if (match != null) {
                disagreements = disagreements(label, values, match.values(), where);
                for (String field : DATE_FIELDS) {
                    String own = values.get(field);
                    String theirs = match.values().get(field);
                    if (own.isEmpty()) {
                        values.put(field, theirs);
                    } else if (!theirs.isEmpty() && !own.equals(theirs)) {
                        conflicts.merge(
                                series + " " + label + " " + field + ": qualification says " + own
                                        + ", series schedule " + theirs,
                                1,
                                Integer::sum);
                    }
                }
            }
            Map<String, LocalDate> d = dates(values, where);
            LocalDate writtenPass = d.get("written_pass");
            LocalDate[] window = documentWindow(documentList(grade), roundNumber(label), writtenPass, code, label);
            rounds.add(new RoundWithDisagreements(examRound(label, d, window), disagreements));
        }
        rounds.sort(Comparator.comparing(RoundWithDisagreements::round, ORDER));
        return new Assembled(
                rounds.stream().map(RoundWithDisagreements::round).toList(),
                rounds.stream().flatMap(r -> r.disagreements().stream()).toList(),
                leftOut);
    }

    private record RoundWithDisagreements(ExamRound round, List<ScheduleDisagreement> disagreements) {}

    private static ExamRound examRound(String label, Map<String, LocalDate> d, LocalDate[] window) {
        return new ExamRound(
                label,
                d.get("written_reg_start"),
                d.get("written_reg_end"),
                firstNonNull(d.get("written_exam_start"), d.get("written_exam_end")),
                d.get("written_pass"),
                d.get("prac_reg_start"),
                d.get("prac_reg_end"),
                d.get("prac_exam_start"),
                d.get("prac_exam_end"),
                firstNonNull(d.get("prac_pass_start"), d.get("prac_pass_end")),
                window[0],
                window[1]);
    }

    /**
     * The dates of the round as the qualification's own schedule and as the series schedule give
     * them, compared date by date of the {@link ExamRound} each would make on its own; a date set in
     * only one of them is no disagreement (the import fills it).
     */
    private static List<ScheduleDisagreement> disagreements(
            String label, Map<String, String> own, Map<String, String> series, String where) {
        LocalDate[] none = {null, null};
        ExamRound ownRound = examRound(label, dates(own, where), none);
        ExamRound seriesRound = examRound(label, dates(series, where + "(series) "), none);
        List<ScheduleDisagreement> found = new ArrayList<>();
        for (String field : ExamRound.DATE_FIELDS) {
            LocalDate a = ownRound.date(field);
            LocalDate b = seriesRound.date(field);
            if (a != null && b != null && !a.equals(b)) {
                found.add(new ScheduleDisagreement(label, field, a, b));
            }
        }
        return found;
    }

    private static Map<String, LocalDate> dates(Map<String, String> values, String where) {
        Map<String, LocalDate> d = new LinkedHashMap<>();
        for (String field : DATE_FIELDS) {
            d.put(field, QnetDates.iso(values.get(field), where + field));
        }
        return d;
    }

    private SeriesRound seriesRound(String series, String label, String writtenPass, String code) {
        if (series == null) {
            return null;
        }
        List<SeriesRound> candidates = new ArrayList<>();
        for (SeriesRound round : seriesRounds) {
            boolean sameLabel = (round.name().equals(series) && round.round().equals(label))
                    || (round.round().isEmpty() && round.name().equals(label));
            if (sameLabel && round.values().get("written_pass").equals(writtenPass)) {
                candidates.add(round);
            }
        }
        if (candidates.size() > 1
                && candidates.stream().map(SeriesRound::values).distinct().count() > 1) {
            notes.add(code + " " + label + ": several different series rounds match; none used");
            return null;
        }
        return candidates.isEmpty() ? null : candidates.get(0);
    }

    private LocalDate[] documentWindow(String list, Integer number, LocalDate writtenPass, String code, String label) {
        LocalDate[] none = {null, null};
        if (list == null || number == null || writtenPass == null) {
            return none;
        }
        LocalDate[] found = null;
        for (DocumentRow row : documentRows) {
            if (!row.list().equals(list)
                    || !Objects.equals(row.roundNumber(), number)
                    || !writtenPass.equals(row.writtenPass())
                    || (row.start() == null && row.end() == null)) {
                continue;
            }
            LocalDate[] window = {row.start(), row.end()};
            if (found != null && !(Objects.equals(found[0], window[0]) && Objects.equals(found[1], window[1]))) {
                notes.add(code + " " + label + ": raw rows give different document windows; none used");
                return none;
            }
            found = window;
        }
        return found == null ? none : found;
    }

    private static LocalDate firstNonNull(LocalDate a, LocalDate b) {
        return a != null ? a : b;
    }

    /** Notes about the whole import: aggregated date conflicts, then per-qualification notes. */
    List<String> notes() {
        List<String> all = new ArrayList<>();
        conflicts.forEach((what, count) -> all.add("schedule: " + what + " (" + count
                + (count == 1 ? " qualification" : " qualifications") + "; kept the qualification's own date)"));
        all.addAll(notes);
        return all;
    }
}
