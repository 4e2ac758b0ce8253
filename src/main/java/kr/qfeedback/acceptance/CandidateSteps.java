package kr.qfeedback.acceptance;

import static kr.qfeedback.acceptance.CurrentScenario.rules;
import static kr.qfeedback.acceptance.Expect.assertEquals;
import static kr.qfeedback.acceptance.Expect.assertTrue;
import static kr.qfeedback.acceptance.Expect.fail;
import static kr.qfeedback.acceptance.ScenarioValues.date;
import static kr.qfeedback.acceptance.ScenarioValues.required;

import io.cucumber.datatable.DataTable;
import io.cucumber.java.ko.만일;
import io.cucumber.java.ko.조건;
import java.util.Arrays;
import java.util.Map;
import kr.qfeedback.feedback.Grade;
import kr.qfeedback.reference.Qualification;

/**
 * The 조건 and 만일 steps: who the candidate is, which sitting they took and what they scored,
 * written into the {@link CurrentScenario}'s request.
 */
public class CandidateSteps {

    private static ScenarioRequest scenario() {
        return CurrentScenario.get().scenario();
    }

    // ---------------------------------------------------------------- 조건: who the candidate is

    @조건("^\"([^\"]+)\"\\((\\w+), ?([^)]+)\\) 응시자가 있다$")
    public void 응시자(String name, String code, String gradeWord) {
        Grade grade = ScenarioRequest.grade(gradeWord);
        Qualification known = rules().reference().find(code).orElse(null);
        if (known == null) {
            fail("종목코드 " + code + "(" + name + ")가 기준 자료 rules/reference/qualifications.json 에 없습니다."
                    + " 기준 자료에 없는 종목을 시험하려면 '기준 자료에 없는 종목 \"…\"(코드, 등급) 응시자가 있다'를 쓰세요.");
        }
        assertEquals(
                known.name(),
                name,
                "시나리오의 종목명 \"" + name + "\"이 기준 자료의 종목코드 " + code + " 이름 \"" + known.name() + "\"과 다릅니다");
        if (known.grade() != null) {
            assertEquals(
                    known.grade(),
                    grade,
                    "시나리오의 등급 " + gradeWord + "이 기준 자료의 " + name + "(" + code + ") 등급 " + known.grade() + "과 다릅니다");
        }
        // Q-Net may leave the name out when the code is in the reference data: the service must find it.
        scenario().qualification(code, null, grade);
    }

    @조건("^기준 자료에 없는 종목 \"([^\"]+)\"\\((\\w+), ?([^)]+)\\) 응시자가 있다$")
    public void 미등록_종목_응시자(String name, String code, String gradeWord) {
        assertTrue(
                rules().reference().find(code).isEmpty(),
                "종목코드 " + code + "는 기준 자료에 있습니다("
                        + rules().reference()
                                .find(code)
                                .map(Qualification::name)
                                .orElse("") + "). 기준 자료에 없는 코드를 고르세요.");
        scenario().qualification(code, name, ScenarioRequest.grade(gradeWord));
    }

    @조건("^시험은 \"([^\"]+)\" 회차로 \"(\\d{4}-\\d{2}-\\d{2})\"에 치렀고 \"(\\d{4}-\\d{2}-\\d{2})\"에 발표되었다$")
    public void 시험_회차(String round, String examDate, String announcedOn) {
        scenario().sitting(round, date(examDate), date(announcedOn));
    }

    @조건("^기준일은 \"(\\d{4}-\\d{2}-\\d{2})\"이다$")
    public void 기준일(String asOf) {
        scenario().asOf(date(asOf));
    }

    @조건("^생년월일은 \"(\\d{4}-\\d{2}-\\d{2})\"이다$")
    public void 생년월일(String birthDate) {
        scenario().birthDate(date(birthDate));
    }

    @조건("^응시자격 서류는 \"([^\"]+)\"이다$")
    public void 응시자격_서류(String status) {
        scenario().documents(ScenarioRequest.documents(status));
    }

    @조건("^가지고 있는 자격은 \"([^\"]+)\"이다$")
    public void 보유_자격(String codes) {
        scenario()
                .heldQualifications(
                        Arrays.stream(codes.split(",")).map(String::strip).toList());
    }

    @조건("^필기 합격 발표일은 \"(\\d{4}-\\d{2}-\\d{2})\"이다$")
    public void 필기_합격_발표일(String date) {
        scenario().writtenPassAnnouncedOn(date(date));
    }

    // ---------------------------------------------------------------- 만일: the result

    @만일("^\"([^\"]+)\" 시험 결과 \"([^\"]+)\", 총점 (\\d+(?:\\.\\d)?)점을 받는다$")
    public void 시험_결과(String stageWord, String resultWord, String score) {
        scenario().result(ScenarioRequest.stage(stageWord), ScenarioRequest.result(resultWord), Double.valueOf(score));
    }

    @만일("^\"([^\"]+)\" 시험에 결시한다$")
    public void 결시(String stageWord) {
        scenario().result(ScenarioRequest.stage(stageWord), ScenarioRequest.result("결시"), null);
    }

    @만일("^과목 점수는 다음과 같다:?$")
    public void 과목_점수(DataTable table) {
        for (Map<String, String> row : table.asMaps()) {
            String subject = required(row, "과목");
            scenario().subject(subject, Double.parseDouble(required(row, "점수")));
        }
    }
}
