# language: ko
기능: 필기 불합격 안내
  필기시험에 떨어진 응시자에게는 불합격 원인과 합격기준, 모자랐던 점수, 먼저 준비할 과목,
  지난 합격자 통계와 합격률 추이, 재접수 바로가기(QR 코드), 다음 필기 일정, 학습자료와
  무료 교육을 보여 주고, 만 34세 이하라면 청년 응시료 할인을 알려 준다.
  (2024년 보고서의 "필기 불합격" 화면, 계약서의 기본 정책표 WRITTEN_FAIL 열)

  시나리오: 정보처리기사 필기 불합격 — 평균 미달, 과락 과목은 없음, 청년 응시자
    조건 "정보처리기사"(1320, 기사) 응시자가 있다
    그리고 시험은 "2026-1" 회차로 "2026-01-30"에 치렀고 "2026-03-11"에 발표되었다
    그리고 생년월일은 "1999-05-02"이다
    만일 "필기" 시험 결과 "불합격", 총점 55점을 받는다
    그리고 과목 점수는 다음과 같다:
      | 과목        | 점수 |
      | 소프트웨어설계   | 60 |
      | 소프트웨어개발   | 50 |
      | 데이터베이스구축  | 45 |
      | 프로그래밍언어활용 | 55 |
      | 정보시스템구축관리 | 65 |
    그러면 결과는 "WRITTEN_FAIL"이다
    그리고 보이는 섹션은 순서대로 다음과 같다:
      | 섹션                 | 톤       |
      | RESULT_SUMMARY     | FAILURE |
      | SCORE_BREAKDOWN    | INFO    |
      | PASS_CRITERIA      | FAILURE |
      | WEAK_SUBJECTS      | WARNING |
      | PASSER_COMPARISON  | INFO    |
      | PASS_RATE_TREND    | INFO    |
      | REAPPLY            | INFO    |
      | NEXT_EXAM_SCHEDULE | INFO    |
      | LEARNING_RESOURCES | INFO    |
      | TRAINING           | INFO    |
      | YOUTH_FEE_DISCOUNT | INFO    |
    그리고 "RESULT_SUMMARY" 섹션의 제목에 "불합격"이 들어 있다
    그리고 "RESULT_SUMMARY" 섹션의 제목에 "과락"이 들어 있지 않다
    그리고 "RESULT_SUMMARY" 섹션의 자료는 다음과 같다:
      | 항목        | 값       |
      | result    | FAIL    |
      | stage     | WRITTEN |
      | finalPass | false   |
    그리고 "PASS_CRITERIA" 섹션의 자료는 다음과 같다:
      | 항목             | 값      |
      | subjectMinimum | 40     |
      | averageMinimum | 60     |
      | shortfall      | 5      |
      | failedSubjects | (빈 목록) |
    그리고 "WEAK_SUBJECTS" 섹션의 "subjects"는 "데이터베이스구축, 소프트웨어개발, 프로그래밍언어활용, 소프트웨어설계, 정보시스템구축관리"이다
    그리고 "PASS_RATE_TREND" 섹션의 "stage"는 "WRITTEN"이다
    그리고 "PASS_RATE_TREND" 섹션의 연도별 합격률은 다음과 같다:
      | 연도   | 합격률  |
      | 2021 | 63.6 |
      | 2022 | 56.1 |
      | 2023 | 59.0 |
      | 2024 | 60.8 |
      | 2025 | 65.0 |
    그리고 "NEXT_EXAM_SCHEDULE" 섹션의 자료는 다음과 같다:
      | 항목                | 값          |
      | stage             | WRITTEN    |
      | registrationStart | 2026-04-20 |
      | registrationEnd   | 2026-04-23 |
      | examDate          | 2026-05-09 |
    그리고 "REAPPLY" 섹션에 QR 코드로도 보여 줄 링크가 있다
    그리고 "YOUTH_FEE_DISCOUNT" 섹션의 "maxAge"는 "34"이다
    그리고 "WRITTEN_EXEMPTION" 섹션은 보이지 않는다
    그리고 "ELIGIBILITY_DOCUMENTS" 섹션은 보이지 않는다
    그리고 "PREP_PERIOD" 섹션은 보이지 않는다
    그리고 "CERTIFICATE_ISSUE" 섹션은 보이지 않는다
    그리고 안내는 없다
    그리고 모든 섹션의 제목과 본문이 채워져 있다
    그리고 모든 섹션에 정해진 자료 항목이 빠짐없이 있다
    그리고 모든 섹션에 결정한 규칙의 출처가 있다

  시나리오: 전기기능사 필기 불합격 — 과목 점수 없이 총점만 있고, 상시시험이라 정해진 다음 일정이 없다
    조건 "전기기능사"(7780, 기능사) 응시자가 있다
    그리고 시험은 "2026-상시" 회차로 "2026-03-03"에 치렀고 "2026-03-11"에 발표되었다
    그리고 생년월일은 "1980-10-01"이다
    만일 "필기" 시험 결과 "불합격", 총점 52점을 받는다
    그러면 결과는 "WRITTEN_FAIL"이다
    그리고 보이는 섹션은 순서대로 다음과 같다:
      | 섹션                 | 톤       |
      | RESULT_SUMMARY     | FAILURE |
      | SCORE_BREAKDOWN    | INFO    |
      | PASS_CRITERIA      | FAILURE |
      | PASSER_COMPARISON  | INFO    |
      | PASS_RATE_TREND    | INFO    |
      | REAPPLY            | INFO    |
      | LEARNING_RESOURCES | INFO    |
      | TRAINING           | INFO    |
    그리고 "PASS_CRITERIA" 섹션의 자료는 다음과 같다:
      | 항목             | 값      |
      | subjectMinimum | (없음)   |
      | averageMinimum | 60     |
      | shortfall      | 8      |
      | failedSubjects | (빈 목록) |
    그리고 "PASS_RATE_TREND" 섹션의 연도별 합격률은 다음과 같다:
      | 연도   | 합격률  |
      | 2021 | 34.3 |
      | 2022 | 33.5 |
      | 2023 | 34.9 |
      | 2024 | 36.2 |
      | 2025 | 37.8 |
    그리고 안내 "NO_SCHEDULE"이 있다
    그리고 모든 섹션에 결정한 규칙의 출처가 있다

  시나리오: 정보처리산업기사 필기 불합격 — 필기 통계가 없으면 합격자 비교와 합격률 추이를 빼고 안내한다
    조건 "정보처리산업기사"(2290, 산업기사) 응시자가 있다
    그리고 시험은 "2026-1" 회차로 "2026-01-30"에 치렀고 "2026-03-11"에 발표되었다
    만일 "필기" 시험 결과 "불합격", 총점 50점을 받는다
    그리고 과목 점수는 다음과 같다:
      | 과목          | 점수 |
      | 정보시스템 기반 기술 | 45 |
      | 프로그래밍언어 활용  | 50 |
      | 데이터베이스 활용   | 55 |
    그러면 결과는 "WRITTEN_FAIL"이다
    그리고 "PASSER_COMPARISON" 섹션은 보이지 않는다
    그리고 "PASS_RATE_TREND" 섹션은 보이지 않는다
    그리고 안내 "NO_STATISTICS"가 있다
    그리고 "REAPPLY" 섹션은 보인다
    그리고 "LEARNING_RESOURCES" 섹션은 보인다
    그리고 "PASS_CRITERIA" 섹션의 "shortfall"은 "10"이다
    그리고 "NEXT_EXAM_SCHEDULE" 섹션의 "examDate"는 "2026-05-09"이다
    그리고 "YOUTH_FEE_DISCOUNT" 섹션은 보이지 않는다
