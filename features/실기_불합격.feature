# language: ko
기능: 실기 불합격 안내
  실기시험에 떨어진 응시자에게는 무엇이 모자랐는지, 남은 필기면제 기간, 점수와 합격기준,
  지난 통계, 재접수와 다음 실기 일정, 학습자료와 교육, 청년 응시료 할인을 보여 준다.
  점수가 합격기준 이상인데도 불합격(일부 과제 미응시, 주요 작업 미완성, 위험 작업 등,
  시행령 20조③)이면 점수가 원인이 아니라고 분명히 알려 준다.
  (2024년 보고서의 "실기 불합격" 화면, 계약서의 기본 정책표 PRACTICAL/INTERVIEW_FAIL 열)

  배경:
    조건 "정보처리기사"(1320, 기사) 응시자가 있다
    그리고 시험은 "2026-1" 회차로 "2026-04-18"에 치렀고 "2026-06-05"에 발표되었다
    그리고 생년월일은 "1999-05-02"이다

  시나리오: 점수 미달로 실기 불합격 — 필기 합격일을 알면 남은 필기면제 기간을 보여 준다
    조건 필기 합격 발표일은 "2026-03-11"이다
    만일 "실기" 시험 결과 "불합격", 총점 52점을 받는다
    그러면 결과는 "PRACTICAL_FAIL"이다
    그리고 보이는 섹션은 순서대로 다음과 같다:
      | 섹션                 | 톤       |
      | RESULT_SUMMARY     | FAILURE |
      | SCORE_BREAKDOWN    | INFO    |
      | PASS_CRITERIA      | FAILURE |
      | WRITTEN_EXEMPTION  | INFO    |
      | PASSER_COMPARISON  | INFO    |
      | PASS_RATE_TREND    | INFO    |
      | REAPPLY            | INFO    |
      | NEXT_EXAM_SCHEDULE | INFO    |
      | LEARNING_RESOURCES | INFO    |
      | TRAINING           | INFO    |
      | YOUTH_FEE_DISCOUNT | INFO    |
    그리고 "RESULT_SUMMARY" 섹션의 제목에 "실기시험 결과: 불합격"이 들어 있다
    그리고 "RESULT_SUMMARY" 섹션의 본문에 "52점"이 들어 있다
    그리고 "RESULT_SUMMARY" 섹션의 자료는 다음과 같다:
      | 항목        | 값         |
      | result    | FAIL      |
      | stage     | PRACTICAL |
      | finalPass | false     |
    그리고 "PASS_CRITERIA" 섹션의 자료는 다음과 같다:
      | 항목             | 값      |
      | subjectMinimum | (없음)   |
      | averageMinimum | 60     |
      | shortfall      | 8      |
      | failedSubjects | (빈 목록) |
    그리고 "WRITTEN_EXEMPTION" 섹션의 자료는 다음과 같다:
      | 항목                  | 값          |
      | validFrom           | 2026-03-11 |
      | validUntil          | 2028-03-10 |
      | daysRemaining       | 644        |
      | status              | ACTIVE     |
      | practicalRoundsLeft | 2          |
    그리고 "PASS_RATE_TREND" 섹션의 "stage"는 "PRACTICAL"이다
    그리고 "NEXT_EXAM_SCHEDULE" 섹션의 자료는 다음과 같다:
      | 항목                | 값          |
      | stage             | PRACTICAL  |
      | registrationStart | 2026-06-22 |
      | registrationEnd   | 2026-06-25 |
      | examDate          | 2026-07-18 |
    그리고 "REAPPLY" 섹션에 QR 코드로도 보여 줄 링크가 있다
    그리고 "WEAK_SUBJECTS" 섹션은 보이지 않는다
    그리고 "CERTIFICATE_ISSUE" 섹션은 보이지 않는다
    그리고 안내는 없다
    그리고 모든 섹션의 제목과 본문이 채워져 있다
    그리고 모든 섹션에 정해진 자료 항목이 빠짐없이 있다
    그리고 모든 섹션에 결정한 규칙의 출처가 있다

  시나리오: 점수는 합격기준 이상인데 불합격 — 점수가 원인이 아님을 알려 준다
    조건 필기 합격 발표일은 "2026-03-11"이다
    만일 "실기" 시험 결과 "불합격", 총점 72점을 받는다
    그러면 결과는 "PRACTICAL_FAIL"이다
    그리고 "RESULT_SUMMARY" 섹션의 톤은 "FAILURE"이다
    그리고 "RESULT_SUMMARY" 섹션의 제목에 "불합격"이 들어 있다
    그리고 "RESULT_SUMMARY" 섹션의 본문에 "점수가 원인이 아닙니다"가 들어 있다
    그리고 "PASS_CRITERIA" 섹션의 "shortfall"은 "0"이다

  시나리오: 실기 과목 점수가 있으면 취약 과목을 보여 준다
    만일 "실기" 시험 결과 "불합격", 총점 48점을 받는다
    그리고 과목 점수는 다음과 같다:
      | 과목     | 점수 |
      | 정보처리 실무 | 48 |
    그러면 "WEAK_SUBJECTS" 섹션의 톤은 "WARNING"이다
    그리고 "WEAK_SUBJECTS" 섹션의 "subjects"는 "정보처리 실무"이다

  시나리오: 필기 합격일을 모르면 필기면제 기간 안내는 빠진다
    만일 "실기" 시험 결과 "불합격", 총점 52점을 받는다
    그러면 "WRITTEN_EXEMPTION" 섹션은 보이지 않는다
    그리고 "REAPPLY" 섹션은 보인다
    그리고 "NEXT_EXAM_SCHEDULE" 섹션은 보인다
