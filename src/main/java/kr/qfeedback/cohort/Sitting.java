package kr.qfeedback.cohort;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import kr.qfeedback.reference.ExamRound;

/**
 * One dated 2026 sitting of a stage a generated candidate can take: the round id, the exam day or
 * period, the announcement day and, for a second stage, the written pass day of the same round.
 */
record Sitting(
        String round, LocalDate examFrom, LocalDate examTo, LocalDate announcedOn, LocalDate writtenPassOfRound) {
    /**
     * The 2026 정기 기사 calendar (as the reference data gives it, e.g. for 1320 정보처리기사), used for
     * qualifications without usable rounds: {round, written exam, written pass announced,
     * practical from, practical to, practical pass announced}.
     */
    static final String[][] FALLBACK_CALENDAR = {
        {"1", "2026-01-30", "2026-03-11", "2026-04-18", "2026-05-06", "2026-06-05"},
        {"2", "2026-05-09", "2026-06-10", "2026-07-18", "2026-08-05", "2026-09-04"},
        {"3", "2026-08-07", "2026-09-09", "2026-10-24", "2026-11-13", "2026-12-11"}
    };

    private static final Pattern ROUND_LABEL = Pattern.compile("제\\s*(\\d+)\\s*회");

    /** The written (or second-stage) sittings of a qualification's 2026 rounds, else of {@link #FALLBACK_CALENDAR}. */
    static Sitting[] of(List<ExamRound> rounds, boolean written) {
        List<Sitting> found = new ArrayList<>();
        for (int i = 0; i < rounds.size(); i++) {
            ExamRound round = rounds.get(i);
            Matcher m = ROUND_LABEL.matcher(round.label());
            if (!m.find()) {
                continue;
            }
            String id = "2026-" + Integer.parseInt(m.group(1));
            if (written) {
                if (in2026(round.writtenExamDate())
                        && round.writtenPassDate() != null
                        && !round.writtenPassDate().isBefore(round.writtenExamDate())) {
                    found.add(new Sitting(
                            id, round.writtenExamDate(), round.writtenExamDate(), round.writtenPassDate(), null));
                }
            } else if (in2026(round.practicalExamStart())
                    && round.practicalExamEnd() != null
                    && round.practicalPassDate() != null
                    && !round.practicalExamEnd().isBefore(round.practicalExamStart())
                    && !round.practicalPassDate().isBefore(round.practicalExamEnd())) {
                found.add(new Sitting(
                        id,
                        round.practicalExamStart(),
                        round.practicalExamEnd(),
                        round.practicalPassDate(),
                        round.writtenPassDate()));
            }
        }
        if (found.isEmpty()) {
            for (String[] row : FALLBACK_CALENDAR) {
                String id = "2026-" + row[0];
                found.add(
                        written
                                ? new Sitting(
                                        id,
                                        LocalDate.parse(row[1]),
                                        LocalDate.parse(row[1]),
                                        LocalDate.parse(row[2]),
                                        null)
                                : new Sitting(
                                        id,
                                        LocalDate.parse(row[3]),
                                        LocalDate.parse(row[4]),
                                        LocalDate.parse(row[5]),
                                        LocalDate.parse(row[2])));
            }
        }
        return found.toArray(new Sitting[0]);
    }

    private static boolean in2026(LocalDate date) {
        return date != null && date.getYear() == 2026;
    }
}
