package kr.qfeedback.reference.importer;

import static kr.qfeedback.reference.importer.ImportReportWords.cell;
import static kr.qfeedback.reference.importer.ImportReportWords.criterion;
import static kr.qfeedback.reference.importer.ImportReportWords.fieldName;
import static kr.qfeedback.reference.importer.ImportReportWords.grade;
import static kr.qfeedback.reference.importer.ImportReportWords.quote;
import static kr.qfeedback.reference.importer.ImportReportWords.secondStage;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import kr.qfeedback.feedback.Grade;
import kr.qfeedback.reference.importer.ImportFindings.CriterionDeparture;
import kr.qfeedback.reference.importer.ImportFindings.DisagreementGroup;
import kr.qfeedback.reference.importer.ImportFindings.LeftOutRound;
import kr.qfeedback.reference.importer.ImportFindings.QualificationRef;
import kr.qfeedback.reference.importer.ImportFindings.RegistrationBeforeResults;
import kr.qfeedback.reference.importer.ImportFindings.ZeroApplicants;

/**
 * The import report for policy staff, in Korean Markdown ({@value #FILE_NAME}, written next to
 * qualifications.json). It depends only on the findings, so the same snapshot always gives the same
 * bytes; every import rewrites it.
 */
final class ImportReportDocument {

    static final String FILE_NAME = "가져오기_보고서.md";

    private ImportReportDocument() {}

    static String render(String snapshotUpdated, int qualifications, ImportFindings f) {
        MarkdownLines md = new MarkdownLines();
        md.line("# 기준 자료 가져오기 보고서");
        md.blank();
        md.line("> **자동으로 만든 파일입니다. 손으로 고치지 마세요.** 가져오기 도구(`import-reference`)가 "
                + "`qualifications.json`과 함께 만들고, 가져올 때마다 새로 씁니다. 여기에 고친 내용은 다음 가져오기에서 사라집니다.");
        md.blank();
        md.line("Q-Net 공개 자료(" + snapshotUpdated + " 수집본)를 가져오면서 정책 담당자가 확인해야 할 점을 모았습니다. "
                + "모든 수치는 원자료에서 그대로 센 것입니다. 가져온 종목은 모두 " + qualifications + "개입니다.");
        md.blank();

        long disagreeing = f.scheduleDisagreements().stream()
                .mapToInt(g -> g.codes().size())
                .sum();
        md.line("## 한눈에 보기");
        md.blank();
        md.line("| 확인할 점 | 수 |");
        md.line("|---|---:|");
        md.line("| 1. 합격기준이 시행령 20조의 등급 기준과 다른 종목 | " + f.departingQualifications() + "개 종목 ("
                + f.criterionDepartures().size() + "개 단계) |");
        md.line("| 2. 합격기준 글이 없는 종목 | " + f.missingCriteria().size() + "개 종목 |");
        md.line("| 3-1. 종목 일정과 계열 일정이 다른 날짜 | " + disagreeing + "건 ("
                + f.scheduleDisagreements().size() + "가지) |");
        for (RegistrationBeforeResults r : f.registrationBeforeResults()) {
            if (r.roundsEarly() > 0) {
                md.line("| 3-2. 필기 합격 발표 전에 " + secondStage(r.grade()) + " 접수가 시작되는 " + grade(r.grade()) + " 회차 | "
                        + r.roundsEarly() + "개 (전체 " + r.roundsChecked() + "개 중) |");
            }
        }
        md.line("| 4. 일반 수험자에게 열리지 않아 뺀 회차 | " + f.leftOutRoundCount() + "개 |");
        md.line("| 5. 응시자가 없어 합격률을 비운 통계 | " + f.zeroApplicantRows() + "개 행 |");
        md.line("| 6. 응시자격 글이 있는 종목 | " + f.eligibilityTexts() + "개 종목 |");
        md.blank();

        departures(md, f.criterionDepartures());
        missing(md, f.missingCriteria());
        schedules(md, f.scheduleDisagreements(), f.registrationBeforeResults());
        leftOut(md, f.leftOutRounds());
        zeroApplicants(md, f.zeroApplicants(), f.zeroApplicantRows());
        md.line("## 6. 응시자격 글");
        md.blank();
        md.line("Q-Net 종목정보에 응시자격 글이 있는 " + f.eligibilityTexts() + "개 종목은 그 글을 `qualifications.json`의 "
                + "`eligibilityText`에 담았습니다. 따로 있는 응시자격 글을 먼저 쓰고, 없으면 취득방법 글 안의 응시자격 부분을 씁니다. "
                + "HTML 표시는 지웠고, " + EligibilityText.LIMIT + "자보다 길면 문장이나 항목이 끝나는 곳에서 자르고 "
                + "끝에 '…'를 붙였습니다. 나머지 종목은 응시자격 글이 없어 비워 두었습니다. 전체 내용은 Q-Net에서 확인해 주세요.");
        return md.text();
    }

    private static void departures(MarkdownLines md, List<CriterionDeparture> departures) {
        md.line("## 1. 합격기준이 시행령 20조와 다른 종목");
        md.blank();
        md.line("국가기술자격법 시행령 20조의 합격기준은 등급마다 다음과 같습니다.");
        md.blank();
        md.line("- 필기, 기사·산업기사·서비스 분야: " + criterion(StatutoryPassCriteria.WRITTEN_BY_SUBJECT));
        md.line("- 필기, 기술사·기능장·기능사: " + criterion(StatutoryPassCriteria.WRITTEN_WHOLE_PAPER));
        md.line("- 실기·면접: " + criterion(StatutoryPassCriteria.SECOND_STAGE));
        md.blank();
        md.line("아래 종목은 Q-Net 취득방법 글의 합격기준이 이와 다릅니다. 글이 잘못 적힌 것인지, 이 종목에만 다른 기준이 "
                + "있는 것인지 근거(법령, 공고)를 확인해 주세요. "
                + "이 종목의 예외를 적용하려면 parameters.yaml 의 `종목별 합격기준 예외`에 근거와 함께 적으세요.");
        md.blank();
        if (departures.isEmpty()) {
            md.line("해당하는 종목이 없습니다.");
            md.blank();
            return;
        }
        md.line("| 종목코드 | 종목명 | 등급 | 단계 | 취득방법 글의 합격기준 | 읽은 기준 | 시행령 기준 |");
        md.line("|---|---|---|---|---|---|---|");
        for (CriterionDeparture d : departures) {
            QualificationRef q = d.qualification();
            md.line("| " + q.code() + " | " + cell(q.name()) + " | " + grade(q.grade()) + " | "
                    + (d.writtenStage() ? "필기" : secondStage(q.grade())) + " | “" + cell(quote(d.statedText())) + "” | "
                    + criterion(d.stated()) + " | " + criterion(d.statutory()) + " |");
        }
        md.blank();
    }

    private static void missing(MarkdownLines md, List<QualificationRef> missing) {
        md.line("## 2. 합격기준 글이 없는 종목");
        md.blank();
        md.line("아래 종목은 Q-Net 종목정보에 합격기준 글(취득방법)이 없습니다. 이 종목의 피드백은 parameters.yaml 의 "
                + "`합격기준 기본값`(시행령 20조의 등급 기준)으로 판단합니다. 이 종목에 다른 기준이 있다면 "
                + "parameters.yaml 의 `종목별 합격기준 예외`에 근거와 함께 적으세요.");
        md.blank();
        if (missing.isEmpty()) {
            md.line("해당하는 종목이 없습니다.");
            md.blank();
            return;
        }
        Map<Grade, List<QualificationRef>> byGrade = new LinkedHashMap<>();
        for (Grade g : Grade.values()) {
            List<QualificationRef> of =
                    missing.stream().filter(q -> q.grade() == g).toList();
            if (!of.isEmpty()) {
                byGrade.put(g, of);
            }
        }
        md.line("| 등급 | 종목 수 | 종목 (종목코드 종목명) |");
        md.line("|---|---:|---|");
        byGrade.forEach((g, refs) -> md.line("| " + grade(g) + " | " + refs.size() + " | "
                + refs.stream().map(q -> q.code() + " " + cell(q.name())).collect(Collectors.joining(", ")) + " |"));
        md.blank();
    }

    private static void schedules(
            MarkdownLines md, List<DisagreementGroup> groups, List<RegistrationBeforeResults> early) {
        md.line("## 3. 원자료끼리 맞지 않는 일정");
        md.blank();
        md.line("### 3-1. 종목 일정과 계열 일정이 다른 날짜");
        md.blank();
        md.line("Q-Net 자료에는 등급(계열)별 시험일정과 종목마다의 시험일정이 따로 있습니다. 아래는 같은 회차의 같은 날짜를 "
                + "두 자료가 다르게 적은 곳입니다. 가져오기는 종목 일정의 날짜를 쓰고, 계열 일정의 날짜도 "
                + "`qualifications.json`의 `scheduleDisagreements`에 함께 남깁니다. 어느 날짜가 맞는지 한국산업인력공단에 "
                + "확인해 주세요.");
        md.blank();
        if (groups.isEmpty()) {
            md.line("다른 날짜가 없습니다.");
        } else {
            md.line("| 계열 | 회차 | 날짜 | 종목 일정 | 계열 일정 | 종목 수 | 종목코드 |");
            md.line("|---|---|---|---|---|---:|---|");
            for (DisagreementGroup g : groups) {
                md.line("| " + cell(g.series()) + " | " + cell(g.roundLabel()) + " | " + fieldName(g.field()) + " | "
                        + g.ownValue() + " | " + g.seriesValue() + " | "
                        + g.codes().size() + " | "
                        + String.join(", ", g.codes()) + " |");
            }
        }
        md.blank();
        md.line("### 3-2. 필기 합격 발표 전에 시작되는 실기·면접 접수");
        md.blank();
        md.line("실기·면접에는 필기 합격자가 접수하므로, 접수는 보통 필기 합격 발표 뒤에 시작합니다. 아래는 가져온 "
                + "일정에서 등급마다 두 날짜가 모두 있는 회차 수와, 그중 접수 시작일이 필기 합격 발표일보다 앞선 회차 수입니다. "
                + "앞선 회차가 있으면 3-1 표에서 같은 회차의 계열 일정 날짜와 비교해 보고, 맞는 날짜를 확인해 주세요.");
        md.blank();
        md.line("| 등급 | 확인한 회차 | 발표 전에 접수가 시작되는 회차 |");
        md.line("|---|---:|---:|");
        for (RegistrationBeforeResults r : early) {
            md.line("| " + grade(r.grade()) + " | " + r.roundsChecked() + " | " + r.roundsEarly() + " |");
        }
        md.blank();
    }

    private static void leftOut(MarkdownLines md, List<LeftOutRound> rounds) {
        md.line("## 4. 일반 수험자에게 열리지 않아 뺀 회차");
        md.blank();
        md.line("정해진 학교의 학생처럼 특정 대상만 치르는 회차는 일반 수험자에게 안내하지 않고, 필기시험 면제 기간의 회차로도 "
                + "세지 않습니다. 가져오기는 회차 이름에 "
                + NonPublicRounds.LABEL_PHRASES.stream().map(p -> "“" + p + "”").collect(Collectors.joining(", "))
                + " 가운데 하나가 들어 있으면 그 회차를 종목 일정에서 뺍니다. "
                + "이런 회차가 새로 생겼는데 여기 없다면 개발 담당자에게 알려 이 목록에 더해 달라고 해 주세요.");
        md.blank();
        if (rounds.isEmpty()) {
            md.line("뺀 회차가 없습니다.");
            md.blank();
            return;
        }
        md.line("| 회차 이름 | 종목 수 | 종목 (종목코드 종목명) |");
        md.line("|---|---:|---|");
        for (LeftOutRound r : rounds) {
            md.line("| " + cell(r.label()) + " | " + r.qualifications().size() + " | "
                    + r.qualifications().stream()
                            .map(q -> q.code() + " " + cell(q.name()))
                            .collect(Collectors.joining(", "))
                    + " |");
        }
        md.blank();
    }

    private static void zeroApplicants(MarkdownLines md, List<ZeroApplicants> rows, int count) {
        md.line("## 5. 응시자가 없는 해의 통계");
        md.blank();
        md.line("응시자가 0명인 해에는 합격률이 없습니다(0 %가 아닙니다). Q-Net 자료는 이런 해에도 합격률을 0.0으로 적지만, "
                + "가져오기는 합격률을 비워(null) 둡니다. 그래서 피드백은 이 해의 합격률을 숫자로 보여 주지 않습니다. "
                + "따로 할 일은 없습니다. 아래는 " + count + "개 행을 종목과 단계별로 묶은 것입니다.");
        md.blank();
        if (rows.isEmpty()) {
            md.line("해당하는 통계가 없습니다.");
            md.blank();
            return;
        }
        md.line("| 종목코드 | 종목명 | 단계 | 응시자가 없는 해 |");
        md.line("|---|---|---|---|");
        for (ZeroApplicants z : rows) {
            QualificationRef q = z.qualification();
            md.line("| " + q.code() + " | " + cell(q.name()) + " | "
                    + (z.writtenStage() ? "필기" : secondStage(q.grade())) + " | "
                    + z.years().stream().map(String::valueOf).collect(Collectors.joining(", ")) + " |");
        }
        md.blank();
    }
}
