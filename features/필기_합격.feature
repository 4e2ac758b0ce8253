# language: ko
기능: 필기 합격 안내
  필기시험에 합격한 응시자에게는 합격을 맨 위에 강조하고, 응시자격 서류·필기면제 기간·
  실기 합격률·준비 기간·다음 실기 일정처럼 실기를 준비하는 데 필요한 정보를 보여 준다.
  (2024년 보고서의 "필기 합격" 화면, 계약서의 기본 정책표 WRITTEN_PASS 열)
  기준일을 따로 적지 않으면 합격자 발표일에 결과를 본 것으로 한다.

  배경:
    조건 생년월일은 "1999-05-02"이다

  시나리오: 정보처리기사 필기 합격, 응시자격 서류 미제출, 60점 미만 과목이 있음
    조건 "정보처리기사"(1320, 기사) 응시자가 있다
    그리고 시험은 "2026-1" 회차로 "2026-01-30"에 치렀고 "2026-03-11"에 발표되었다
    그리고 응시자격 서류는 "미제출"이다
    만일 "필기" 시험 결과 "합격", 총점 71.5점을 받는다
    그리고 과목 점수는 다음과 같다:
      | 과목         | 점수 |
      | 소프트웨어설계    | 80   |
      | 소프트웨어개발    | 55   |
      | 데이터베이스구축   | 75   |
      | 프로그래밍언어활용  | 70   |
      | 정보시스템구축관리  | 77.5 |
    그러면 결과는 "WRITTEN_PASS"이다
    그리고 보이는 섹션은 순서대로 다음과 같다:
      | 섹션                    | 톤       |
      | RESULT_SUMMARY        | SUCCESS |
      | ELIGIBILITY_DOCUMENTS | WARNING |
      | WRITTEN_EXEMPTION     | INFO    |
      | SCORE_BREAKDOWN       | INFO    |
      | PASS_CRITERIA         | INFO    |
      | WEAK_SUBJECTS         | INFO    |
      | PASSER_COMPARISON     | INFO    |
      | PASS_RATE_TREND       | INFO    |
      | PREP_PERIOD           | INFO    |
      | NEXT_EXAM_SCHEDULE    | INFO    |
      | TRAINING              | INFO    |
    그리고 "RESULT_SUMMARY" 섹션의 제목에 "정보처리기사 필기시험에 합격"이 들어 있다
    그리고 "RESULT_SUMMARY" 섹션의 자료는 다음과 같다:
      | 항목        | 값       |
      | result    | PASS    |
      | stage     | WRITTEN |
      | finalPass | false   |
    그리고 "PASS_CRITERIA" 섹션의 자료는 다음과 같다:
      | 항목             | 값      |
      | subjectMinimum | 40     |
      | averageMinimum | 60     |
      | shortfall      | 0      |
      | failedSubjects | (빈 목록) |
    그리고 "WEAK_SUBJECTS" 섹션의 "subjects"는 "소프트웨어개발, 프로그래밍언어활용, 데이터베이스구축, 정보시스템구축관리, 소프트웨어설계"이다
    그리고 "SCORE_BREAKDOWN" 섹션의 "average"는 "71.5"이다
    그리고 "PASS_RATE_TREND" 섹션의 "stage"는 "PRACTICAL"이다
    그리고 "PASS_RATE_TREND" 섹션의 연도별 합격률은 다음과 같다:
      | 연도   | 합격률  |
      | 2021 | 30.8 |
      | 2022 | 20.8 |
      | 2023 | 21.0 |
      | 2024 | 28.9 |
      | 2025 | 22.1 |
    그리고 "NEXT_EXAM_SCHEDULE" 섹션의 자료는 다음과 같다:
      | 항목                | 값          |
      | stage             | PRACTICAL  |
      | registrationStart | 2026-03-23 |
      | registrationEnd   | 2026-03-26 |
      | examDate          | 2026-04-18 |
    그리고 "REAPPLY" 섹션은 보이지 않는다
    그리고 "YOUTH_FEE_DISCOUNT" 섹션은 보이지 않는다
    그리고 "CERTIFICATE_ISSUE" 섹션은 보이지 않는다
    그리고 안내는 없다
    그리고 모든 섹션의 제목과 본문이 채워져 있다
    그리고 모든 섹션에 정해진 자료 항목이 빠짐없이 있다
    그리고 모든 섹션에 결정한 규칙의 출처가 있다
    그리고 같은 요청을 다시 결정해도 같은 섹션과 자료가 나온다

  시나리오: 모든 과목이 60점 이상이면 보완 과목 안내는 없다 (가장 낮은 과목이 딱 60점)
    조건 "정보처리기사"(1320, 기사) 응시자가 있다
    그리고 시험은 "2026-1" 회차로 "2026-01-30"에 치렀고 "2026-03-11"에 발표되었다
    그리고 응시자격 서류는 "제출"이다
    만일 "필기" 시험 결과 "합격", 총점 70점을 받는다
    그리고 과목 점수는 다음과 같다:
      | 과목         | 점수 |
      | 소프트웨어설계    | 80 |
      | 소프트웨어개발    | 75 |
      | 데이터베이스구축   | 70 |
      | 프로그래밍언어활용  | 65 |
      | 정보시스템구축관리  | 60 |
    그러면 "WEAK_SUBJECTS" 섹션은 보이지 않는다
    그리고 "ELIGIBILITY_DOCUMENTS" 섹션은 보이지 않는다
    그리고 "SCORE_BREAKDOWN" 섹션은 보인다
    그리고 과목별 점수에서 과락으로 표시된 과목은 없다

  시나리오: 필기 합격일(발표일)부터 2년 동안의 필기면제 기간을 보여 준다
    조건 "정보처리기사"(1320, 기사) 응시자가 있다
    그리고 시험은 "2026-1" 회차로 "2026-01-30"에 치렀고 "2026-03-11"에 발표되었다
    그리고 응시자격 서류는 "제출"이다
    만일 "필기" 시험 결과 "합격", 총점 68점을 받는다
    그러면 "WRITTEN_EXEMPTION" 섹션의 톤은 "INFO"이다
    그리고 "WRITTEN_EXEMPTION" 섹션의 자료는 다음과 같다:
      | 항목                  | 값          |
      | validFrom           | 2026-03-11 |
      | validUntil          | 2028-03-10 |
      | daysRemaining       | 730        |
      | status              | ACTIVE     |
      | practicalRoundsLeft | 3          |

  시나리오: 정보처리산업기사 필기 합격 — 필기 통계가 없으면 합격자 비교는 빼고 실기 합격률 추이는 보여 준다
    조건 "정보처리산업기사"(2290, 산업기사) 응시자가 있다
    그리고 시험은 "2026-1" 회차로 "2026-01-30"에 치렀고 "2026-03-11"에 발표되었다
    그리고 응시자격 서류는 "미제출"이다
    만일 "필기" 시험 결과 "합격", 총점 64점을 받는다
    그리고 과목 점수는 다음과 같다:
      | 과목          | 점수 |
      | 정보시스템 기반 기술 | 62 |
      | 프로그래밍언어 활용  | 58 |
      | 데이터베이스 활용   | 72 |
    그러면 결과는 "WRITTEN_PASS"이다
    그리고 "RESULT_SUMMARY" 섹션의 제목에 "정보처리산업기사"가 들어 있다
    그리고 "PASSER_COMPARISON" 섹션은 보이지 않는다
    그리고 안내 "NO_STATISTICS"가 있다
    그리고 "PASS_RATE_TREND" 섹션의 "stage"는 "PRACTICAL"이다
    그리고 "PASS_RATE_TREND" 섹션의 연도별 합격률은 다음과 같다:
      | 연도   | 합격률  |
      | 2021 | 56.4 |
      | 2022 | 39.3 |
      | 2023 | 30.7 |
      | 2024 | 35.6 |
      | 2025 | 43.9 |
    그리고 "ELIGIBILITY_DOCUMENTS" 섹션의 "deadline"은 "2026-03-20"이다
    그리고 "WEAK_SUBJECTS" 섹션의 "subjects"는 "프로그래밍언어 활용, 정보시스템 기반 기술, 데이터베이스 활용"이다
    그리고 "NEXT_EXAM_SCHEDULE" 섹션의 "registrationStart"는 "2026-03-23"이다
    그리고 모든 섹션에 결정한 규칙의 출처가 있다

  시나리오: 제선기능사 필기 합격 — 기능사는 응시자격 서류 안내가 없고 과목별 과락 기준도 없다
    조건 "제선기능사"(6500, 기능사) 응시자가 있다
    그리고 시험은 "2026-1" 회차로 "2026-01-20"에 치렀고 "2026-01-30"에 발표되었다
    그리고 응시자격 서류는 "미제출"이다
    만일 "필기" 시험 결과 "합격", 총점 72점을 받는다
    그러면 결과는 "WRITTEN_PASS"이다
    그리고 보이는 섹션은 순서대로 다음과 같다:
      | 섹션                 | 톤       |
      | RESULT_SUMMARY     | SUCCESS |
      | WRITTEN_EXEMPTION  | INFO    |
      | SCORE_BREAKDOWN    | INFO    |
      | PASS_CRITERIA      | INFO    |
      | PASSER_COMPARISON  | INFO    |
      | PASS_RATE_TREND    | INFO    |
      | PREP_PERIOD        | INFO    |
      | NEXT_EXAM_SCHEDULE | INFO    |
      | TRAINING           | INFO    |
    그리고 "PASS_CRITERIA" 섹션의 "subjectMinimum"은 값이 없다
    그리고 "PASS_CRITERIA" 섹션의 "averageMinimum"은 "60"이다
    그리고 "WRITTEN_EXEMPTION" 섹션의 "validUntil"은 "2028-01-29"이다
    그리고 "PASS_RATE_TREND" 섹션의 연도별 합격률은 다음과 같다:
      | 연도   | 합격률  |
      | 2021 | 24.0 |
      | 2022 | 39.8 |
      | 2023 | 40.0 |
      | 2024 | 44.6 |
      | 2025 | 30.3 |
    그리고 "NEXT_EXAM_SCHEDULE" 섹션의 자료는 다음과 같다:
      | 항목                | 값          |
      | stage             | PRACTICAL  |
      | registrationStart | 2026-02-02 |
      | registrationEnd   | 2026-02-05 |
      | examDate          | 2026-03-14 |
    그리고 모든 섹션에 정해진 자료 항목이 빠짐없이 있다
    그리고 모든 섹션에 결정한 규칙의 출처가 있다
