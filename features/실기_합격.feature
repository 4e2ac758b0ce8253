# language: ko
기능: 실기 합격(최종 합격) 안내
  마지막 단계에 합격하면 최종 합격이다. 화면은 최종합격을 강조하고 자격증 발급 바로가기,
  관련 자격, 일자리·산업 정보, 심화 교육을 보여 준다. 불합격자용 안내(합격기준, 재접수,
  필기면제 기간, 청년 응시료 할인)는 보이지 않는다.
  (2024년 보고서의 "실기 합격" 화면, 계약서의 기본 정책표 PRACTICAL/INTERVIEW_PASS 열)

  시나리오: 정보처리기사 실기 합격 — 최종 합격
    조건 "정보처리기사"(1320, 기사) 응시자가 있다
    그리고 시험은 "2026-1" 회차로 "2026-04-18"에 치렀고 "2026-06-05"에 발표되었다
    그리고 생년월일은 "1999-05-02"이다
    그리고 필기 합격 발표일은 "2026-03-11"이다
    그리고 응시자격 서류는 "제출"이다
    만일 "실기" 시험 결과 "합격", 총점 78점을 받는다
    그러면 결과는 "PRACTICAL_PASS"이다
    그리고 보이는 섹션은 순서대로 다음과 같다:
      | 섹션                     | 톤       |
      | RESULT_SUMMARY         | SUCCESS |
      | CERTIFICATE_ISSUE      | SUCCESS |
      | SCORE_BREAKDOWN        | INFO    |
      | RELATED_QUALIFICATIONS | INFO    |
      | JOBS                   | INFO    |
      | TRAINING               | INFO    |
    그리고 "RESULT_SUMMARY" 섹션의 제목에 "최종 합격"이 들어 있다
    그리고 "RESULT_SUMMARY" 섹션의 제목에 "정보처리기사"가 들어 있다
    그리고 "RESULT_SUMMARY" 섹션의 자료는 다음과 같다:
      | 항목        | 값         |
      | result    | PASS      |
      | stage     | PRACTICAL |
      | finalPass | true      |
    그리고 "CERTIFICATE_ISSUE" 섹션에 QR 코드로도 보여 줄 링크가 있다
    그리고 "TRAINING" 섹션의 제목에 "심화"가 들어 있다
    그리고 "SCORE_BREAKDOWN" 섹션의 "average"는 "78"이다
    그리고 "PASS_CRITERIA" 섹션은 보이지 않는다
    그리고 "WRITTEN_EXEMPTION" 섹션은 보이지 않는다
    그리고 "REAPPLY" 섹션은 보이지 않는다
    그리고 "NEXT_EXAM_SCHEDULE" 섹션은 보이지 않는다
    그리고 "YOUTH_FEE_DISCOUNT" 섹션은 보이지 않는다
    그리고 안내는 없다
    그리고 모든 섹션의 제목과 본문이 채워져 있다
    그리고 모든 섹션에 정해진 자료 항목이 빠짐없이 있다
    그리고 모든 섹션에 결정한 규칙의 출처가 있다
    그리고 같은 요청을 다시 결정해도 같은 섹션과 자료가 나온다

  시나리오: 제선기능사 실기 합격 — 기능사도 같은 최종 합격 화면
    조건 "제선기능사"(6500, 기능사) 응시자가 있다
    그리고 시험은 "2026-1" 회차로 "2026-03-14"에 치렀고 "2026-04-10"에 발표되었다
    만일 "실기" 시험 결과 "합격", 총점 75점을 받는다
    그러면 결과는 "PRACTICAL_PASS"이다
    그리고 보이는 섹션은 순서대로 다음과 같다:
      | 섹션                     |
      | RESULT_SUMMARY         |
      | CERTIFICATE_ISSUE      |
      | SCORE_BREAKDOWN        |
      | RELATED_QUALIFICATIONS |
      | JOBS                   |
      | TRAINING               |
    그리고 "RESULT_SUMMARY" 섹션의 제목에 "최종 합격"이 들어 있다
    그리고 "RESULT_SUMMARY" 섹션의 "finalPass"는 "true"이다
    그리고 모든 섹션에 결정한 규칙의 출처가 있다
