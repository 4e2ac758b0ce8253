package kr.qfeedback.reference.importer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import kr.qfeedback.reference.PassCriterion;
import org.junit.jupiter.api.Test;

/**
 * The 취득방법 texts below are copied from the snapshot (stats/{jmcd}.json, info type 취득방법); a few long
 * tails (safety notes, the HWP comment) are shortened.
 */
class AcquisitionTextParserTest {

    private static final String CSS =
            "BODY {\tFONT-SIZE: 10pt; FONT-FAMILY: Malgun Gothic; COLOR: #000000; MARGIN: 0px}"
                    + "P {\tMARGIN-BOTTOM: 0px; MARGIN-TOP: 0px; LINE-HEIGHT: 1.2}"
                    + "LI {\tMARGIN-BOTTOM: 0px; MARGIN-TOP: 0px; LINE-HEIGHT: 1.2}";

    /** 1320 정보처리기사. */
    private static final String INFORMATION_PROCESSING_ENGINEER = CSS
            + "&#9312; 시 행 처 : 한국산업인력공단 &#9313; 관련학과 :모든 학과 응시가능&#9314; 시험과목 - 필기 1. 소프트웨어설계 "
            + "2. 소프트웨어개발 3. 데이터베이스구축 4. 프로그래밍언어활용 5. 정보시스템구축관리 - 실기 : 정보처리 실무 "
            + "&#9315; 검정방법 - 필기 : 객관식 4지 택일형, 과목당 20문항(과목당 30분)- 실기 : 필답형(2시간30분)&#9316; "
            + "합격기준 - 필기 : 100점을 만점으로 하여 과목당 40점 이상, 전과목 평균 60점 이상.- 실기 : 100점을 만점으로 하여 60점 이상.";

    /** 0752 가스기술사 (no CSS, literal circled numbers, a scope list instead of subjects). */
    private static final String GAS_PROFESSIONAL_ENGINEER = "① 시 행 처 : 한국산업인력공단② 관련학과 : 대학 및 전문대학의 "
            + "기계공학, 화학공학 가스냉동학, 가스산업학               관련학과③ 시험과목 : 안전관리일반(사고원인 분석, 대책, "
            + "점검 및 조사방법), 산업안전공학,               가스관계 및 산업안전관계법규, 고압가스설계와 시공 및 가스공업의"
            + "               안전운영에 관한 계획 및 관리와 조사, 기타 안전에 관한 사항. ④ 검정방법   - 필기 : 단답형 및 "
            + "주관식 논술형(매교시당 100분 총 400분)   - 면접 : 구술형 면접시험(30분 정도)⑤ 합격기준 : 100점을 만점에 60점 이상";

    /** 2290 정보처리산업기사 (numbers glued to the previous subject). */
    private static final String INFORMATION_PROCESSING_INDUSTRIAL_ENGINEER = CSS
            + "&#9312; 시 행 처 : 한국산업인력공단 &#9313; 관련학과 : 모든학과 응시가능 &#9314; 시험과목- 필기 1.정보시스템 기반 "
            + "기술2.프로그래밍언어 활용3. 데이터베이스 활용- 실기 : 정보처리 실무 &#9315; 검정방법 - 필기 : 객관식 4지 택일형, "
            + "과목당 20문항(과목당 30분) - 실기 : 필답형(2시간 30분) &#9316;합격기준 - 필기 : 100점을 만점으로 하여 과목당 40점 "
            + "이상, 전과목 평균 60점 이상.- 실기 : 100점을 만점으로 하여 60점 이상.";

    /** 9511 직업상담사2급 (a service grade). */
    private static final String VOCATIONAL_COUNSELOR_2 = CSS
            + "&#9312; 시행처 : 한국산업인력공단&#9313; 시험과목 - 필기 : 1.직업상담학 2.직업심리학 3. 직업정보론 4.노동시장론 "
            + "5. 노동관계법규 - 실기 : 직업상담실무&#9314; 검정방법- 필기 :객관식 4지 택일형 과목당 20문항(2시간 30분)-실기 : "
            + "필답형(2시간 30분, 100점)&#9315; 합격기준- 필기 : 100점을 만점으로 하여 과목당 40점 이상, 전과목 평균 60점 이상- "
            + "실기 : 100점을 만점으로 하여 60점 이상";

    /** 0011 용접기술사 (a scope list under 필기, one criterion for 필기·면접). */
    private static final String WELDING_PROFESSIONAL_ENGINEER = "① 시 행 처 : 한국산업인력공단 ② 관련학과 : 대학의 기계공학, "
            + "금속공학 등 관련학과③ 시험과목   - 필기 : 용접법, 용접야금, 용접재료, 용접구조설계, 용접시공관리, 용접관련장치,"
            + "             안전위생, 용접부검사, 용접에 관한 법규 및 규격, 기계공작법 및 생산관리            에 관한 사항④ "
            + "검정방법   - 필기 : 단답형 및 주관식 논술현 (매교시당 100분, 총 400분)   - 면접 : 구술형 면접(30분 정도)⑤ "
            + "합격기준   - 필기·면접 : 100점을 만점으로 하여 60점 이상";

    /** 6990 석공기능사 (no written exam). */
    private static final String STONE_MASON = CSS
            + "&#9312; 시 행 처 : 한국산업인력공단 &#9313; 시험과목 : 석재붙임(건식, 습식)(필기시험 없음)&#9314; 검정방법 : "
            + "작업형(3시간 30분정도, 100점) &#9315; 합격기준: 100점을 만점으로 하여 60점 이상작업형 실기시험 기본정보 "
            + "안전등급(safety Level) : 4 등급▼위험경고주의관심&middot; 시험장소 구분실외&middot; 주요시설 및 장비드릴, "
            + "핸드그라인더, 석공망치, 정 등&middot; 보호구안전화, 안전모, 보안경, 방진마스크보호구(작업복 등) 착용, 정리정돈 "
            + "상태, 안전사항 등이 채점 대상이 될수 있습니다.반드시 수험자 지참공구 목록을 확인하여 주시기 바랍니다.";

    /** 7910 한식조리기능사 ("1. 2. 3." section numbers, an unnumbered comma list, a trailing HWP comment). */
    private static final String KOREAN_COOK = CSS
            + "1. 시 행 처 : 한국산업인력공단2. 시험과목  - 필기 : 한식 재료관리, 음식조리 및 위생관리 - 실기 : 조리작업3. "
            + "검정방법  - 필기 : 객관식 4지 택일형, 60문항(60분) - 실기 : 작업형(70분 정도)4. 합격기준  - 필기 : 100점을 "
            + "만점으로 하여 60점 이상 - 실기 : 100점을 만점으로 하여 60점 이상작업형 실기시험 기본정보 안전등급(safety Level) "
            + ": 4 등급▼위험경고주의관심&middot; 시험장소 구분실내 ○ 실기시험 안전작업 교육영상 url: https://youtu.be/LvNOizxImyc"
            + "<!--[data-hwpjson]{\"documentPr\": {\"di\": \"\",\"t\": \"- 실기 : 100점\"}}-->";

    /** 7152 실내건축기능사 (a note says the practical subject was renamed). */
    private static final String INTERIOR_CRAFTSMAN = CSS
            + "&#9312; 시 행 처 : 한국산업인력공단 &#9313;시험과목  - 필기 : 1.실내디자인 2.실내환경 3.실내건축재료 4.건축일반  "
            + "- 실기 : 실내건축 실무※ [2021년이후 변경사항] 실기시험 과목명 변경- 현행 :실내건축 실무- 변경 : 실내건축 작업"
            + "&#9314; 검정방법  - 필기 : 객관식 4지 택일형 60문항(60분)  - 실기 : 작업형(5시간 정도, 100점)&#9315; 합격기준  "
            + "- 필기 : 100점을 만점으로 하여 60점 이상 - 실기 : 100점을 만점으로 하여 60점 이상  안전등급(Safety Level) : 1등급";

    /** 3923 제과기능장 (the practical "subject" is only the exam form). */
    private static final String MASTER_BAKER = CSS
            + "&#9312; 시 행 처 : 한국산업인력공단 &#9314; 시험과목  - 필기 : 제과제빵이론, 재료과학, 식품위생학, 영양학 및 기타 "
            + "제과 제빵에 관한 사항  - 실기 : 복합형(필답형 20점, 작업형 80점)&#9315; 검정방법  - 필기 : 객관식 4지 택일형, "
            + "60문항(60분)  - 실기 : 복합형(필답형 1시간, 작업형 6시간 정도)※ [변경사항] 실기시험 검정방법 변경('21.1.1부터)"
            + "&#9316; 합격기준  - 필기 : 100점을 만점으로 하여60점 이상 - 실기 : 100점을 만점으로 하여 총점 60점 이상 "
            + "(\"필답형과 작업형 중 한 개 분야라도 응시하지 않을 경우\", \"필답형 득점이 0점인 경우\"는 실격)작업형 실기시험 기본정보";

    private static final PassCriterion SIXTY = new PassCriterion(null, 60);

    @Test
    void parsesWrittenSubjectsAndCriteriaOfAnEngineerQualification() {
        AcquisitionTextParser.Result r = AcquisitionTextParser.parse(INFORMATION_PROCESSING_ENGINEER);

        assertEquals(List.of("소프트웨어설계", "소프트웨어개발", "데이터베이스구축", "프로그래밍언어활용", "정보시스템구축관리"), r.writtenSubjects());
        assertEquals(List.of("정보처리 실무"), r.secondStageSubjects());
        assertEquals(new PassCriterion(40, 60), r.writtenCriterion());
        assertEquals(SIXTY, r.secondStageCriterion());
    }

    @Test
    void readsTheSingleOverallCriterionOfAProfessionalEngineerForBothStagesAndNoSubjects() {
        AcquisitionTextParser.Result r = AcquisitionTextParser.parse(GAS_PROFESSIONAL_ENGINEER);

        assertEquals(SIXTY, r.writtenCriterion());
        assertEquals(SIXTY, r.secondStageCriterion());
        assertEquals(List.of(), r.writtenSubjects());
        assertEquals(List.of(), r.secondStageSubjects());
    }

    @Test
    void parsesAnIndustrialEngineerListWhoseNumbersAreGluedToThePreviousSubject() {
        AcquisitionTextParser.Result r = AcquisitionTextParser.parse(INFORMATION_PROCESSING_INDUSTRIAL_ENGINEER);

        assertEquals(List.of("정보시스템 기반 기술", "프로그래밍언어 활용", "데이터베이스 활용"), r.writtenSubjects());
        assertEquals(List.of("정보처리 실무"), r.secondStageSubjects());
        assertEquals(new PassCriterion(40, 60), r.writtenCriterion());
        assertEquals(SIXTY, r.secondStageCriterion());
    }

    @Test
    void parsesTheSubjectsOfAServiceGrade() {
        AcquisitionTextParser.Result r = AcquisitionTextParser.parse(VOCATIONAL_COUNSELOR_2);

        assertEquals(List.of("직업상담학", "직업심리학", "직업정보론", "노동시장론", "노동관계법규"), r.writtenSubjects());
        assertEquals(List.of("직업상담실무"), r.secondStageSubjects());
        assertEquals(new PassCriterion(40, 60), r.writtenCriterion());
    }

    @Test
    void leavesTheScopeListOfAProfessionalEngineerEmptyAndAppliesTheJointCriterionToBothStages() {
        AcquisitionTextParser.Result r = AcquisitionTextParser.parse(WELDING_PROFESSIONAL_ENGINEER);

        assertEquals(List.of(), r.writtenSubjects());
        assertEquals(List.of(), r.secondStageSubjects());
        assertEquals(SIXTY, r.writtenCriterion());
        assertEquals(SIXTY, r.secondStageCriterion());
    }

    @Test
    void givesNoWrittenCriterionToAQualificationWithoutAWrittenExam() {
        AcquisitionTextParser.Result r = AcquisitionTextParser.parse(STONE_MASON);

        assertEquals(List.of(), r.writtenSubjects());
        assertEquals(List.of("석재붙임(건식, 습식)"), r.secondStageSubjects());
        assertNull(r.writtenCriterion());
        assertEquals(SIXTY, r.secondStageCriterion());
    }

    @Test
    void leavesAnUnnumberedCommaListEmptyButKeepsThePracticalSubjectAndIgnoresTheHwpComment() {
        AcquisitionTextParser.Result r = AcquisitionTextParser.parse(KOREAN_COOK);

        assertEquals(List.of(), r.writtenSubjects()); // "한식 재료관리, 음식조리 및 위생관리": one subject or three?
        assertEquals(List.of("조리작업"), r.secondStageSubjects()); // "조리작업3." — 3 is the next section number
        assertEquals(SIXTY, r.writtenCriterion());
        assertEquals(SIXTY, r.secondStageCriterion());
    }

    @Test
    void dropsASubjectThatAFollowingNoteSaysWasRenamed() {
        AcquisitionTextParser.Result r = AcquisitionTextParser.parse(INTERIOR_CRAFTSMAN);

        assertEquals(List.of("실내디자인", "실내환경", "실내건축재료", "건축일반"), r.writtenSubjects());
        assertEquals(List.of(), r.secondStageSubjects());
        assertEquals(SIXTY, r.writtenCriterion());
        assertEquals(SIXTY, r.secondStageCriterion());
    }

    @Test
    void doesNotMistakeAnExamFormForAPracticalSubject() {
        AcquisitionTextParser.Result r = AcquisitionTextParser.parse(MASTER_BAKER);

        assertEquals(List.of(), r.secondStageSubjects());
        assertEquals(List.of(), r.writtenSubjects());
        assertEquals(SIXTY, r.writtenCriterion());
        assertEquals(SIXTY, r.secondStageCriterion()); // "총점 60점 이상", the remark in brackets ignored
    }

    @Test
    void yieldsNothingForATextWithoutSubjectsOrCriteria() {
        // 9657 소방안전교육사, a national professional qualification.
        AcquisitionTextParser.Result r = AcquisitionTextParser.parse(
                "소방청장이 한국산업인력공단에 위탁하여 시행하는 1, 2차 시험에 합격하고 소방청에서 실시하는 신원조회를 거쳐 " + "최종합격자로 결정되면 자격을 취득");

        assertEquals(AcquisitionTextParser.Result.NOTHING, r);
    }

    @Test
    void cleansStyleRulesEntitiesAndWhitespace() {
        String cleaned = AcquisitionTextParser.clean(CSS + "&#9312; 시 행 처\t:  한국산업인력공단 &lt;관광진흥법 제38조&gt; "
                + "정부기관&sdot;공공상담기관 &middot; &ldquo;실격&rdquo; &unknown;");

        assertEquals("① 시 행 처 : 한국산업인력공단 <관광진흥법 제38조> 정부기관⋅공공상담기관 · “실격” &unknown;", cleaned);
    }

    @Test
    void readsTheCriterionVariantsFoundInTheSnapshot() {
        // 1560 종자기사: a per-subject minimum and an unnamed overall figure
        assertEquals(new PassCriterion(40, 60), PassCriteriaText.criterion("100점을만점으로하여과목당40점이상,60점이상득점자."));
        // 1351 항로표지기사: the per-subject figure is only marked by the "전과목 평균" after it
        assertEquals(new PassCriterion(40, 60), PassCriteriaText.criterion("100점만점40점이상,전과목평균60점이상"));
        // 2085 패션머천다이징산업기사
        assertEquals(new PassCriterion(60, 60), PassCriteriaText.criterion("100점을만점으로하여과목당60점이상"));
        // 0094 금속제련기술사 (sic: "100점으 만점으로")
        assertEquals(SIXTY, PassCriteriaText.criterion("100점으만점으로하여60점이상"));
        // 3375 가스기능장
        assertEquals(SIXTY, PassCriteriaText.criterion("100점만점에60점이상득점자."));
        assertNull(PassCriteriaText.criterion("출제기준참조"));
        assertNull(PassCriteriaText.criterion("100점을만점으로하여60점이상,70점이상"));
    }

    @Test
    void rejectsNumberedListsThatDoNotStartAtOneOrSkipANumber() {
        assertNull(ExamSubjectsText.writtenList("2. 가 3. 나"));
        assertNull(ExamSubjectsText.writtenList("1. 가 3. 나"));
        assertTrue(ExamSubjectsText.writtenList("1. 가 2. 나").containsAll(List.of("가", "나")));
    }
}
