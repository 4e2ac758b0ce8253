package kr.qfeedback.reference.importer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import kr.qfeedback.feedback.Grade;
import org.junit.jupiter.api.Test;

/** Names, series and types as they appear in exams.json. */
class GradeClassifierTest {

    @Test
    void classifiesAnIndustrialEngineerFiledUnderTheEngineerSeriesByItsName() {
        assertEquals(Grade.INDUSTRIAL_ENGINEER, GradeClassifier.classify("T", "기사", "정보처리산업기사"));
        assertEquals(Grade.INDUSTRIAL_ENGINEER, GradeClassifier.classify("T", "기사", "소방설비산업기사(기계분야)"));
    }

    @Test
    void classifiesAnEngineerByItsName() {
        assertEquals(Grade.ENGINEER, GradeClassifier.classify("T", "기사", "정보처리기사"));
        assertEquals(Grade.ENGINEER, GradeClassifier.classify("T", "기사", "신재생에너지발전설비기사(태양광)"));
    }

    @Test
    void classifiesTheOtherNamesOfTheEngineerSeriesAsServiceGrades() {
        assertEquals(Grade.SERVICE, GradeClassifier.classify("T", "기사", "직업상담사2급"));
        assertEquals(Grade.SERVICE, GradeClassifier.classify("T", "기사", "사회조사분석사1급"));
        assertEquals(Grade.SERVICE, GradeClassifier.classify("T", "기사", "컨벤션기획사1급"));
    }

    @Test
    void classifiesTheOtherSeriesBySeries() {
        assertEquals(Grade.PROFESSIONAL_ENGINEER, GradeClassifier.classify("T", "기술사", "가스기술사"));
        assertEquals(Grade.MASTER_CRAFTSMAN, GradeClassifier.classify("T", "기능장", "미용장"));
        assertEquals(Grade.CRAFTSMAN, GradeClassifier.classify("T", "기능사", "이용사"));
    }

    @Test
    void givesNoGradeToNationalProfessionalQualificationsOrUnknownSeries() {
        assertNull(GradeClassifier.classify("S", "경비지도사", "일반경비지도사"));
        assertNull(GradeClassifier.classify("S", "기사", "무슨기사"));
        assertNull(GradeClassifier.classify("T", "국가유산수리기능자", "목조각공"));
    }

    @Test
    void mapsGradesToTheSeriesScheduleTheyFollow() {
        assertEquals("기사/산업기사", GradeClassifier.scheduleSeries(Grade.SERVICE));
        assertEquals("기사/산업기사", GradeClassifier.scheduleSeries(Grade.INDUSTRIAL_ENGINEER));
        assertEquals("기술사", GradeClassifier.scheduleSeries(Grade.PROFESSIONAL_ENGINEER));
        assertEquals("기능사", GradeClassifier.scheduleSeries(Grade.CRAFTSMAN));
        assertNull(GradeClassifier.scheduleSeries(null));
    }
}
