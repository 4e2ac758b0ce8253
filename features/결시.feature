# language: ko
기능: 결시 안내
  시험에 응시하지 않은 사람에게는 결시 사실과 재접수 바로가기, 다음 회차 일정을 보여 준다.
  필기 합격일을 알면 남은 필기면제 기간도 보여 준다. 점수·합격기준·교육·청년 응시료 할인은
  보이지 않는다. (계약서의 기본 정책표 *_ABSENT 열)

  배경:
    조건 "정보처리기사"(1320, 기사) 응시자가 있다
    그리고 생년월일은 "1999-05-02"이다

  시나리오: 필기 결시 — 다음 필기 일정과 재접수 안내
    조건 시험은 "2026-1" 회차로 "2026-01-30"에 치렀고 "2026-03-11"에 발표되었다
    만일 "필기" 시험에 결시한다
    그러면 결과는 "WRITTEN_ABSENT"이다
    그리고 보이는 섹션은 순서대로 다음과 같다:
      | 섹션                 | 톤       |
      | RESULT_SUMMARY     | WARNING |
      | REAPPLY            | INFO    |
      | NEXT_EXAM_SCHEDULE | INFO    |
    그리고 "RESULT_SUMMARY" 섹션의 제목에 "응시하지 않으셨습니다"가 들어 있다
    그리고 "RESULT_SUMMARY" 섹션의 자료는 다음과 같다:
      | 항목        | 값       |
      | result    | ABSENT  |
      | stage     | WRITTEN |
      | finalPass | false   |
    그리고 "NEXT_EXAM_SCHEDULE" 섹션의 자료는 다음과 같다:
      | 항목                | 값          |
      | stage             | WRITTEN    |
      | registrationStart | 2026-04-20 |
      | registrationEnd   | 2026-04-23 |
      | examDate          | 2026-05-09 |
    그리고 "REAPPLY" 섹션에 QR 코드로도 보여 줄 링크가 있다
    그리고 "SCORE_BREAKDOWN" 섹션은 보이지 않는다
    그리고 "PASS_CRITERIA" 섹션은 보이지 않는다
    그리고 "TRAINING" 섹션은 보이지 않는다
    그리고 "YOUTH_FEE_DISCOUNT" 섹션은 보이지 않는다
    그리고 모든 섹션의 제목과 본문이 채워져 있다
    그리고 모든 섹션에 정해진 자료 항목이 빠짐없이 있다
    그리고 모든 섹션에 결정한 규칙의 출처가 있다

  시나리오: 실기 결시 — 필기 합격일을 알면 남은 필기면제 기간과 다음 실기 일정
    조건 시험은 "2026-1" 회차로 "2026-04-18"에 치렀고 "2026-06-05"에 발표되었다
    그리고 필기 합격 발표일은 "2026-03-11"이다
    만일 "실기" 시험에 결시한다
    그러면 결과는 "PRACTICAL_ABSENT"이다
    그리고 보이는 섹션은 순서대로 다음과 같다:
      | 섹션                 | 톤       |
      | RESULT_SUMMARY     | WARNING |
      | WRITTEN_EXEMPTION  | INFO    |
      | REAPPLY            | INFO    |
      | NEXT_EXAM_SCHEDULE | INFO    |
    그리고 "RESULT_SUMMARY" 섹션의 제목에 "실기시험에 응시하지 않으셨습니다"가 들어 있다
    그리고 "WRITTEN_EXEMPTION" 섹션의 "validUntil"은 "2028-03-10"이다
    그리고 "WRITTEN_EXEMPTION" 섹션의 "status"는 "ACTIVE"이다
    그리고 "NEXT_EXAM_SCHEDULE" 섹션의 자료는 다음과 같다:
      | 항목                | 값          |
      | stage             | PRACTICAL  |
      | registrationStart | 2026-06-22 |
      | registrationEnd   | 2026-06-25 |
      | examDate          | 2026-07-18 |
    그리고 모든 섹션에 결정한 규칙의 출처가 있다

  시나리오: 실기 결시 — 필기 합격일을 모르면 필기면제 기간은 빠진다
    조건 시험은 "2026-1" 회차로 "2026-04-18"에 치렀고 "2026-06-05"에 발표되었다
    만일 "실기" 시험에 결시한다
    그러면 보이는 섹션은 순서대로 다음과 같다:
      | 섹션                 |
      | RESULT_SUMMARY     |
      | REAPPLY            |
      | NEXT_EXAM_SCHEDULE |
