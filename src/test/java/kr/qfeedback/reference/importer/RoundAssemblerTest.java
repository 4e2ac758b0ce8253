package kr.qfeedback.reference.importer;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import java.util.List;
import kr.qfeedback.feedback.Grade;
import kr.qfeedback.reference.ExamRound;
import kr.qfeedback.reference.ScheduleDisagreement;
import org.junit.jupiter.api.Test;

/** Rounds assembled from made-up own and series schedules. */
class RoundAssemblerTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonNode json(String text) throws Exception {
        return JSON.readTree(text);
    }

    private static RoundAssembler.Assembled assemble(String ownSchedule) throws Exception {
        JsonNode series = json("""
                {"items": [{"name": "기사/산업기사", "round": "제3회", "written_pass": "2026-09-09",
                  "written_exam_start": "2026-08-07", "written_exam_end": "2026-08-07",
                  "prac_reg_start": "2026-09-21", "prac_reg_end": "2026-09-23"}]}
                """);
        RoundAssembler assembler = new RoundAssembler(ScheduleRows.readSeries(series, "schedules.json"), List.of());
        return assembler.rounds("0001", Grade.ENGINEER, json(ownSchedule), "stats/0001.json");
    }

    @Test
    void keepsTheOwnDateRecordsTheSeriesDateAndFillsOnlyBlankDates() throws Exception {
        RoundAssembler.Assembled assembled = assemble("""
                [{"round": "제3회", "written_pass": "2026-09-09", "written_exam_start": "",
                  "prac_reg_start": "2026-09-21", "prac_reg_end": "2026-09-28"}]
                """);

        ExamRound third = assembled.rounds().get(0);
        assertEquals(LocalDate.of(2026, 9, 28), third.practicalRegistrationEnd());
        assertEquals(LocalDate.of(2026, 8, 7), third.writtenExamDate()); // blank in the own schedule: filled
        assertEquals(
                List.of(new ScheduleDisagreement(
                        "제3회", "practicalRegistrationEnd", LocalDate.of(2026, 9, 28), LocalDate.of(2026, 9, 23))),
                assembled.disagreements());
    }

    @Test
    void leavesOutARoundNotOpenToThePublicAndNamesIt() throws Exception {
        RoundAssembler.Assembled assembled = assemble("""
                [{"round": "제3회", "written_pass": "2026-09-09"},
                 {"round": "2026년 정기 기능사 산업별 맞춤형 고교등 필기면제검정", "prac_reg_start": "2026-05-11"}]
                """);

        assertEquals(
                List.of("제3회"),
                assembled.rounds().stream().map(ExamRound::label).toList());
        assertEquals(List.of("2026년 정기 기능사 산업별 맞춤형 고교등 필기면제검정"), assembled.leftOutLabels());
        assertEquals(List.of(), assembled.disagreements());
    }
}
