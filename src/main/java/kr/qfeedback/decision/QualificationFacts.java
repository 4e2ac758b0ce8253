package kr.qfeedback.decision;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import kr.qfeedback.feedback.SectionData;
import kr.qfeedback.feedback.Stage;
import kr.qfeedback.reference.ExamRound;
import kr.qfeedback.reference.Qualification;
import kr.qfeedback.reference.YearlyPassRate;

/**
 * What decisions read of one qualification that is the same for every candidate, arranged once
 * per rule set instead of once per request: each stage's timetable in the order the next round is
 * chosen, the pass-rate statistics by year with their latest year, and the pass-rate trend rows a
 * section shows. Immutable.
 */
public final class QualificationFacts {
    static final SectionData.Keys TREND_ROW_KEYS = new SectionData.Keys("year", "passRate");

    private final Qualification qualification;
    private final Map<Stage, List<ScheduleEntry>> timetables = new EnumMap<>(Stage.class);
    private final YearlyPassRate latestWritten;
    private final YearlyPassRate latestSecondStage;
    private final List<Map<String, Object>> writtenTrend;
    private final List<Map<String, Object>> secondStageTrend;
    private final LocalDate scheduleFrom;
    private final LocalDate scheduleUntil;
    private List<String> related = List.of();
    /**
     * The reminder texts of this qualification's rounds ({@link RoundReminderTexts}); kept here
     * because a round's entry equals another qualification's when both follow one series schedule.
     */
    final java.util.concurrent.ConcurrentHashMap<Object, kr.qfeedback.feedback.Text[]> reminderTexts =
            new java.util.concurrent.ConcurrentHashMap<>();
    /** The round whose reminder texts were asked for last, recognised without hashing its entry. */
    volatile RoundReminderTexts.Last lastRound;
    /** The sections every candidate of this qualification reads alike ({@link SharedSections}), made on first use. */
    volatile SharedSections.Rendered[] sharedSections;
    /** The SMS of each stage and result ({@link TextMessageMemo}), filled on first use. */
    final kr.qfeedback.feedback.Text[] smsTexts = new kr.qfeedback.feedback.Text[TextMessageMemo.smsSlots()];

    private String relatedText;

    QualificationFacts(Qualification qualification) {
        this.qualification = qualification;
        for (Stage stage : Stage.values()) {
            timetables.put(stage, List.copyOf(ScheduleEntry.timetable(stage, qualification.rounds())));
        }
        latestWritten = latest(qualification.writtenStatistics());
        latestSecondStage = latest(qualification.secondStageStatistics());
        writtenTrend = trend(qualification.writtenStatistics());
        secondStageTrend = trend(qualification.secondStageStatistics());
        int first = Integer.MAX_VALUE;
        int last = Integer.MIN_VALUE;
        for (ExamRound r : qualification.rounds()) {
            for (LocalDate d : new LocalDate[] {
                r.writtenRegistrationStart(),
                r.writtenPassDate(),
                r.practicalRegistrationStart(),
                r.practicalExamStart(),
                r.practicalPassDate()
            }) {
                if (d != null) {
                    first = Math.min(first, d.getYear());
                    last = Math.max(last, d.getYear());
                }
            }
        }
        scheduleFrom = first == Integer.MAX_VALUE ? null : LocalDate.of(first, 1, 1);
        scheduleUntil = last == Integer.MIN_VALUE ? null : LocalDate.of(last, 12, 31);
    }

    /** Set once, while the deriver is made: the qualifications of the same field (see {@link FactDeriver}). */
    void relate(List<String> names) {
        this.related = List.copyOf(names);
        this.relatedText = names.isEmpty() ? null : String.join(", ", names);
    }

    /** {@link #related()} as a sentence lists them, null when there are none; made once. */
    String relatedText() {
        return relatedText;
    }

    /** Names of other qualifications of the same 직무분야, higher grades first. */
    List<String> related() {
        return related;
    }

    /**
     * The first day the known schedule covers (1 January of its first year), null when no round is
     * known; the snapshot publishes whole years of rounds.
     */
    LocalDate scheduleFrom() {
        return scheduleFrom;
    }

    /** The last day the known schedule covers (31 December of its last year), null when no round is known. */
    LocalDate scheduleUntil() {
        return scheduleUntil;
    }

    public Qualification qualification() {
        return qualification;
    }

    /** The earliest round of {@code stage} whose registration has not closed on {@code asOf}; null when none. */
    ScheduleEntry nextRound(Stage stage, LocalDate asOf) {
        return ScheduleEntry.firstOpen(timetables.get(stage), asOf);
    }

    /** The statistics of a stage (the second stage's for PRACTICAL and INTERVIEW), as imported. */
    List<YearlyPassRate> statisticsOf(Stage stage) {
        return stage == Stage.WRITTEN ? qualification.writtenStatistics() : qualification.secondStageStatistics();
    }

    /** Whether anybody sat the stage in a year of the statistics (else they are no statistics to show). */
    boolean sat(Stage stage) {
        return latestOf(stage) != null;
    }

    /** The latest year's figures of a stage that somebody sat, null when there are none; the first listed wins a tie. */
    YearlyPassRate latestOf(Stage stage) {
        return stage == Stage.WRITTEN ? latestWritten : latestSecondStage;
    }

    /** The trend rows ({@code year}, {@code passRate}) of a stage, oldest first. */
    List<Map<String, Object>> trendOf(Stage stage) {
        return stage == Stage.WRITTEN ? writtenTrend : secondStageTrend;
    }

    /**
     * The round whose written pass was announced on {@code writtenPass} and that has an
     * eligibility-document window; null when none has.
     */
    ExamRound documentRound(LocalDate writtenPass) {
        if (writtenPass == null) {
            return null;
        }
        for (ExamRound round : qualification.rounds()) {
            if (writtenPass.equals(round.writtenPassDate()) && round.documentSubmissionEnd() != null) {
                return round;
            }
        }
        return null;
    }

    /** The latest year somebody sat the stage; a year nobody sat has no figures to compare with. */
    private static YearlyPassRate latest(List<YearlyPassRate> rates) {
        YearlyPassRate latest = null;
        for (YearlyPassRate rate : rates) {
            if (rate.applicants() > 0 && (latest == null || rate.year() > latest.year())) {
                latest = rate;
            }
        }
        return latest;
    }

    private static List<Map<String, Object>> trend(List<YearlyPassRate> rates) {
        List<YearlyPassRate> byYear = new ArrayList<>(rates);
        byYear.sort(Comparator.comparingInt(YearlyPassRate::year)); // stable: a repeated year keeps its order
        List<Map<String, Object>> rows = new ArrayList<>(byYear.size());
        for (YearlyPassRate y : byYear) {
            rows.add(SectionData.of(TREND_ROW_KEYS, y.year(), y.passRate()));
        }
        return new SectionData.Rows(rows); // shared by every decision about this qualification
    }
}
