// Q-피드백 직원 콘솔: 프레임워크 없이, 빌드 단계 없이 동작하는 스크립트.
// 모든 데이터는 토큰으로 보호되는 서비스 엔드포인트에서 가져오고, 토큰은 sessionStorage 에만 둡니다.
'use strict';

(() => {
  const TOKEN_KEY = 'qfConsoleToken';
  const SVG_NS = 'http://www.w3.org/2000/svg';
  let uid = 0;
  const nextId = (prefix) => `${prefix}-${++uid}`;

  // ---------------------------------------------------------------- 공통 도구
  const $ = (id) => document.getElementById(id);

  /** 요소를 만듭니다. 글자는 언제나 textContent 로만 넣습니다(서비스 응답을 HTML 로 해석하지 않음). */
  function el(tag, attrs, ...children) {
    const node = document.createElement(tag);
    if (attrs) {
      for (const [key, value] of Object.entries(attrs)) {
        if (value === null || value === undefined || value === false) continue;
        if (key === 'class') node.className = value;
        else if (key === 'text') node.textContent = value;
        else if (key === 'dataset') Object.assign(node.dataset, value);
        else if (key.startsWith('on')) node.addEventListener(key.slice(2), value);
        else node.setAttribute(key, value === true ? '' : String(value));
      }
    }
    for (const child of children.flat()) {
      if (child === null || child === undefined || child === false) continue;
      node.append(child instanceof Node ? child : document.createTextNode(String(child)));
    }
    return node;
  }

  function svg(tag, attrs, ...children) {
    const node = document.createElementNS(SVG_NS, tag);
    for (const [key, value] of Object.entries(attrs || {})) {
      if (key === 'text') node.textContent = value;
      else node.setAttribute(key, String(value));
    }
    for (const child of children.flat()) if (child) node.append(child);
    return node;
  }

  const dot = (iso) => (iso ? String(iso).replaceAll('-', '.') : '—');
  const fmt = (n, digits = 1) => (n === null || n === undefined ? '—'
    : Number(n).toLocaleString('ko-KR', { maximumFractionDigits: digits }));

  function setStatus(node, text, kind) {
    node.textContent = text || '';
    node.dataset.kind = kind || '';
  }

  // ---------------------------------------------------------------- 토큰과 API 호출
  const token = () => sessionStorage.getItem(TOKEN_KEY) || '';

  const ROLE_NAMES = {
    decide: '결과 조회(decide)', author: '규칙 작성(author)', approver: '결재(approver)', helpdesk: '상담(helpdesk)',
  };

  /** 서비스 오류(영문 message 와 안정된 code)를 직원이 읽을 한국어 문장으로 바꿉니다. */
  function koreanError(status, body) {
    const error = (body && body.error) || {};
    const code = error.code || '';
    const field = error.field ? ` (항목: ${error.field})` : '';
    switch (code) {
      case 'UNAUTHENTICATED':
        return '토큰이 없거나 알 수 없는 토큰입니다. 위의 “접근 토큰”에 발급받은 토큰을 넣어 주세요.';
      case 'FORBIDDEN': {
        const roles = [...(error.message || '').matchAll(/'([a-z]+)'/g)].map((m) => ROLE_NAMES[m[1]] || m[1]);
        const role = roles.length ? roles.join(' 또는 ') : '필요한';
        return `권한이 없습니다: 이 토큰에는 ${role} 역할이 없어 이 작업을 할 수 없습니다. 해당 역할의 토큰으로 바꿔 주세요.`;
      }
      case 'INVALID_REQUEST':
        return `입력값이 올바르지 않습니다${field}. 서비스 설명: ${error.message || ''}`;
      case 'INCONSISTENT':
        return `입력값끼리 서로 맞지 않습니다${field}. 서비스 설명: ${error.message || ''}`;
      case 'NOT_READY':
        return '아직 적용된 규칙 버전이 없습니다. 잠시 뒤 다시 시도해 주세요.';
      case 'UNKNOWN_VERSION':
        return '저장된 규칙 버전 중에 그런 버전이 없습니다. 이력을 다시 불러와 주세요.';
      case 'VERSION_DAMAGED':
        return '저장된 이 버전의 파일이 게시 때와 달라져(변경 또는 손상) 되돌릴 수 없습니다. 현재 적용 버전은 그대로입니다. 운영 담당자에게 데이터 폴더 복구를 요청해 주세요.';
      case 'TOO_LARGE':
        return '올린 파일이 너무 큽니다.';
      case 'RULES_REJECTED':
        return '게시하지 않았습니다: 검증, 완전성 검사 또는 수용 시나리오에서 문제가 나왔습니다. 아래 내용을 확인해 주세요.';
      case 'SELF_APPROVAL':
        return '본인이 기안한 요청은 결재하거나 반려할 수 없습니다. 다른 결재자(approver)가 결재해야 합니다.';
      case 'ALREADY_DECIDED':
        return '이미 결재(승인 또는 반려)된 요청입니다. 요청은 한 번만 결재할 수 있습니다. 목록을 다시 불러와 주세요.';
      case 'UNKNOWN_REQUEST':
        return '그런 결재 요청이 없습니다. 목록을 다시 불러와 주세요.';
      case 'NOT_FOUND':
        return error.field === 'decisionId'
          ? '그런 결정이 없습니다. 결정 ID를 다시 확인해 주세요. 결정 기록은 24시간이 지나면 지워집니다.'
          : `요청한 것이 없습니다 (HTTP ${status}). ${error.message || ''}`;
      case 'PAGE_NOT_KEPT':
        return '이 결정은 기록에는 있지만 화면을 다시 만들 요청이 보관되지 않았습니다(이전 버전의 서버가 결정함). 화면은 볼 수 없습니다.';
      case 'VERSION_NOT_STORED':
        return '이 결정에 쓰인 규칙 버전이 이 서버에 없거나 손상되어 화면을 다시 만들 수 없습니다. 운영 담당자에게 알려 주세요.';
      case 'REPLAY_FAILED':
        return '보관된 요청으로 화면을 다시 만들지 못했습니다(기록됨). 결정 ID와 함께 운영 담당자에게 알려 주세요.';
      case 'INTERNAL':
        return '서비스가 요청을 처리하지 못했습니다(기록됨). 다시 시도하고, 계속되면 운영 담당자에게 알려 주세요.';
      default:
        return `요청이 실패했습니다 (HTTP ${status}). ${error.message || ''}`;
    }
  }

  class ApiFailure extends Error {
    constructor(status, body) {
      super(koreanError(status, body));
      this.status = status;
      this.body = body;
    }
  }

  /** 토큰을 붙여 서비스를 부릅니다. 2xx 가 아니면 한국어 메시지를 담은 ApiFailure 를 던집니다. */
  async function api(method, path, { json, form, accept422 } = {}) {
    const headers = { Accept: 'application/json' };
    if (token()) headers.Authorization = `Bearer ${token()}`;
    let body;
    if (json !== undefined) {
      headers['Content-Type'] = 'application/json';
      body = JSON.stringify(json);
    } else if (form) {
      body = form;
    }
    let response;
    try {
      response = await fetch(path, { method, headers, body, credentials: 'omit', cache: 'no-store' });
    } catch (e) {
      throw new ApiFailure(0, { error: { code: 'NETWORK', message: '서비스에 연결할 수 없습니다.' } });
    }
    let parsed = null;
    const type = response.headers.get('Content-Type') || '';
    if (type.includes('json')) parsed = await response.json();
    else parsed = { text: await response.text() };
    if (response.ok || (accept422 && response.status === 422)) return { status: response.status, body: parsed };
    throw new ApiFailure(response.status, parsed);
  }

  function initToken() {
    const input = $('token');
    const status = $('token-status');
    const show = () => setStatus(status, token() ? '토큰을 이 탭의 세션에 보관 중입니다.' : '토큰이 없습니다. 먼저 토큰을 넣어 주세요.', token() ? 'ok' : 'warn');
    input.value = token();
    show();
    $('token-form').addEventListener('submit', (event) => {
      event.preventDefault();
      const value = input.value.trim();
      if (value) sessionStorage.setItem(TOKEN_KEY, value);
      else sessionStorage.removeItem(TOKEN_KEY);
      show();
      if (value) searchQualifications($('qual-search').value);
    });
    $('token-clear').addEventListener('click', () => {
      sessionStorage.removeItem(TOKEN_KEY);
      input.value = '';
      show();
      input.focus();
    });
  }

  // ---------------------------------------------------------------- 탭
  function initTabs() {
    const tabs = [...document.querySelectorAll('[role="tab"]')];
    const select = (tab, focus) => {
      for (const t of tabs) {
        const selected = t === tab;
        t.setAttribute('aria-selected', String(selected));
        t.tabIndex = selected ? 0 : -1;
        $(t.getAttribute('aria-controls')).hidden = !selected;
      }
      if (focus) tab.focus();
    };
    tabs.forEach((tab, i) => {
      tab.addEventListener('click', () => select(tab, false));
      tab.addEventListener('keydown', (event) => {
        let j = null;
        if (event.key === 'ArrowRight') j = (i + 1) % tabs.length;
        else if (event.key === 'ArrowLeft') j = (i - 1 + tabs.length) % tabs.length;
        else if (event.key === 'Home') j = 0;
        else if (event.key === 'End') j = tabs.length - 1;
        if (j !== null) {
          event.preventDefault();
          select(tabs[j], true);
        }
      });
    });
  }

  // ---------------------------------------------------------------- 종목 선택
  const GRADE_NAMES = {
    PROFESSIONAL_ENGINEER: '기술사', MASTER_CRAFTSMAN: '기능장', ENGINEER: '기사',
    INDUSTRIAL_ENGINEER: '산업기사', CRAFTSMAN: '기능사', SERVICE: '서비스 분야',
  };
  const known = new Map(); // code → {code, name, grade, writtenSubjects, secondStageSubjects}

  function optionFor(q) {
    return el('option', { value: q.code, text: `${q.name} (${q.code}, ${GRADE_NAMES[q.grade] || q.grade})` });
  }

  function ensureQualification(q) {
    const merged = { ...(known.get(q.code) || {}), ...q };
    known.set(q.code, merged);
    const select = $('qualification');
    if (![...select.options].some((o) => o.value === q.code)) select.append(optionFor(merged));
    select.value = q.code;
    showGrade();
  }

  function showGrade() {
    const q = known.get($('qualification').value);
    $('qual-grade').textContent = q ? `등급: ${GRADE_NAMES[q.grade] || q.grade}` : '';
  }

  let searchTimer = null;
  async function searchQualifications(text) {
    if (!token()) {
      $('qual-search-help').textContent = '종목을 찾으려면 먼저 접근 토큰을 넣어 주세요.';
      return;
    }
    try {
      const { body } = await api('GET', `/v1/reference/qualifications?limit=50&q=${encodeURIComponent(text || '')}`);
      const select = $('qualification');
      const current = select.value;
      select.replaceChildren();
      for (const q of body.qualifications) {
        known.set(q.code, q);
        select.append(optionFor(q));
      }
      if (current && known.has(current) && ![...select.options].some((o) => o.value === current)) {
        select.prepend(optionFor(known.get(current)));
      }
      if ([...select.options].some((o) => o.value === current)) select.value = current;
      $('qual-search-help').textContent = `기준 자료(${body.snapshotUpdated || '—'})에서 ${body.total}개 찾음${body.total > body.qualifications.length ? `, 처음 ${body.qualifications.length}개 표시` : ''}.`;
      showGrade();
    } catch (e) {
      $('qual-search-help').textContent = e.message;
    }
  }

  function initQualificationPicker() {
    $('qual-search').addEventListener('input', (event) => {
      clearTimeout(searchTimer);
      searchTimer = setTimeout(() => searchQualifications(event.target.value), 250);
    });
    $('qualification').addEventListener('change', () => {
      showGrade();
      const q = known.get($('qualification').value);
      const stage = $('stage').value;
      const names = q ? (stage === 'WRITTEN' ? q.writtenSubjects : q.secondStageSubjects) || [] : [];
      if (names.length) setSubjects(names.map((name) => ({ name, score: '' })));
    });
  }

  // ---------------------------------------------------------------- 과목 점수
  function addSubjectRow(subject = { name: '', score: '' }) {
    const body = $('subject-rows');
    const n = body.children.length + 1;
    const nameId = nextId('subject-name');
    const scoreId = nextId('subject-score');
    const row = el('tr', null,
      el('td', null,
        el('label', { for: nameId, class: 'visually-hidden', text: `과목 ${n} 이름` }),
        el('input', { id: nameId, type: 'text', class: 'subject-name', value: subject.name })),
      el('td', null,
        el('label', { for: scoreId, class: 'visually-hidden', text: `과목 ${n} 점수` }),
        el('input', { id: scoreId, type: 'number', class: 'subject-score', min: 0, max: 100, step: 0.1, inputmode: 'decimal', value: subject.score })),
      el('td', null, el('button', {
        type: 'button', class: 'secondary small', 'aria-label': `과목 ${n} 삭제`, text: '삭제',
        onclick: (event) => { event.target.closest('tr').remove(); $('add-subject').focus(); },
      })));
    body.append(row);
    return row;
  }

  function setSubjects(list) {
    $('subject-rows').replaceChildren();
    for (const s of list) addSubjectRow(s);
  }

  // ---------------------------------------------------------------- 미리 채우기 (2024 보고서 시안)
  const INFO_PROCESSING = { code: '1320', name: '정보처리기사', grade: 'ENGINEER' };
  const PRESETS = {
    WRITTEN_PASS: {
      label: '필기 합격', qualification: INFO_PROCESSING, stage: 'WRITTEN', result: 'PASS', round: '2026-1',
      examDate: '2026-01-30', announcedOn: '2026-03-11', asOf: '2026-03-11', totalScore: 71.4,
      subjects: [['소프트웨어설계', 80], ['소프트웨어개발', 65], ['데이터베이스구축', 72], ['프로그래밍언어활용', 58], ['정보시스템구축관리', 82]],
      birthDate: '1999-05-02', writtenPassAnnouncedOn: '', eligibilityDocuments: 'NOT_SUBMITTED', attempts: 2,
    },
    WRITTEN_FAIL: {
      label: '필기 불합격', qualification: INFO_PROCESSING, stage: 'WRITTEN', result: 'FAIL', round: '2026-1',
      examDate: '2026-01-30', announcedOn: '2026-03-11', asOf: '2026-03-11', totalScore: 53,
      subjects: [['소프트웨어설계', 60], ['소프트웨어개발', 50], ['데이터베이스구축', 35], ['프로그래밍언어활용', 55], ['정보시스템구축관리', 65]],
      birthDate: '1999-05-02', writtenPassAnnouncedOn: '', eligibilityDocuments: '', attempts: 1,
    },
    PRACTICAL_PASS: {
      label: '실기 합격', qualification: INFO_PROCESSING, stage: 'PRACTICAL', result: 'PASS', round: '2026-1',
      examDate: '2026-04-18', announcedOn: '2026-06-05', asOf: '2026-06-05', totalScore: 78, subjects: [],
      birthDate: '1999-05-02', writtenPassAnnouncedOn: '2026-03-11', eligibilityDocuments: 'SUBMITTED', attempts: 1,
    },
    PRACTICAL_FAIL: {
      label: '실기 불합격', qualification: INFO_PROCESSING, stage: 'PRACTICAL', result: 'FAIL', round: '2026-1',
      examDate: '2026-04-18', announcedOn: '2026-06-05', asOf: '2026-06-05', totalScore: 52, subjects: [],
      birthDate: '1999-05-02', writtenPassAnnouncedOn: '2026-03-11', eligibilityDocuments: 'SUBMITTED', attempts: 1,
    },
    WRITTEN_ABSENT: {
      label: '결시', qualification: INFO_PROCESSING, stage: 'WRITTEN', result: 'ABSENT', round: '2026-1',
      examDate: '2026-01-30', announcedOn: '2026-03-11', asOf: '2026-03-11', totalScore: null, subjects: [],
      birthDate: '1999-05-02', writtenPassAnnouncedOn: '', eligibilityDocuments: '', attempts: 1,
    },
    INTERVIEW_PASS: {
      label: '면접 (기술사)', qualification: { code: '0601', name: '정보관리기술사', grade: 'PROFESSIONAL_ENGINEER' },
      stage: 'INTERVIEW', result: 'PASS', round: '2026-138', examDate: '2026-05-02', announcedOn: '2026-05-29',
      asOf: '2026-05-29', totalScore: 72, subjects: [], birthDate: '1985-11-20', writtenPassAnnouncedOn: '2026-03-25',
      eligibilityDocuments: 'SUBMITTED', attempts: 1,
    },
  };
  const FOUR_VERSIONS = ['WRITTEN_PASS', 'WRITTEN_FAIL', 'PRACTICAL_PASS', 'PRACTICAL_FAIL'];

  function applyPreset(name) {
    const p = PRESETS[name];
    ensureQualification(p.qualification);
    $('stage').value = p.stage;
    $('result').value = p.result;
    $('round').value = p.round;
    $('exam-date').value = p.examDate;
    $('announced').value = p.announcedOn;
    $('as-of').value = p.asOf;
    $('total').value = p.totalScore === null ? '' : p.totalScore;
    setSubjects(p.subjects.map(([subjectName, score]) => ({ name: subjectName, score })));
    $('birth').value = p.birthDate;
    $('written-pass').value = p.writtenPassAnnouncedOn;
    $('documents').value = p.eligibilityDocuments;
    $('attempts').value = p.attempts;
  }

  function presetRequest(name) {
    const p = PRESETS[name];
    return buildRequest({
      qualification: p.qualification, stage: p.stage, result: p.result, round: p.round, examDate: p.examDate,
      announcedOn: p.announcedOn, asOf: p.asOf, totalScore: p.totalScore === null ? '' : String(p.totalScore),
      subjects: p.subjects.map(([subjectName, score]) => ({ name: subjectName, score: String(score) })),
      birthDate: p.birthDate, writtenPassAnnouncedOn: p.writtenPassAnnouncedOn,
      eligibilityDocuments: p.eligibilityDocuments, attempts: String(p.attempts),
    });
  }

  // ---------------------------------------------------------------- 요청 만들기
  function formValues() {
    const code = $('qualification').value;
    const q = known.get(code) || { code };
    return {
      qualification: { code: q.code, name: q.name, grade: q.grade },
      stage: $('stage').value, result: $('result').value, round: $('round').value.trim(),
      examDate: $('exam-date').value, announcedOn: $('announced').value, asOf: $('as-of').value,
      totalScore: $('total').value.trim(),
      subjects: [...$('subject-rows').querySelectorAll('tr')].map((tr) => ({
        name: tr.querySelector('.subject-name').value.trim(), score: tr.querySelector('.subject-score').value.trim(),
      })).filter((s) => s.name || s.score),
      birthDate: $('birth').value, writtenPassAnnouncedOn: $('written-pass').value,
      eligibilityDocuments: $('documents').value, attempts: $('attempts').value.trim(),
    };
  }

  function buildRequest(v) {
    const request = {
      candidateId: 'console-preview',
      qualification: { code: v.qualification.code, grade: v.qualification.grade },
      exam: {
        round: v.round, stage: v.stage, examDate: v.examDate, announcedOn: v.announcedOn, result: v.result,
        subjects: v.result === 'ABSENT' ? [] : v.subjects.map((s) => ({ name: s.name, score: s.score === '' ? null : Number(s.score) })),
      },
    };
    if (v.qualification.name) request.qualification.name = v.qualification.name;
    if (v.asOf) request.asOf = v.asOf;
    if (v.result !== 'ABSENT' && v.totalScore !== '') request.exam.totalScore = Number(v.totalScore);
    const candidate = {};
    if (v.birthDate) candidate.birthDate = v.birthDate;
    if (v.writtenPassAnnouncedOn) candidate.writtenPassAnnouncedOn = v.writtenPassAnnouncedOn;
    if (v.eligibilityDocuments) candidate.eligibilityDocuments = v.eligibilityDocuments;
    if (v.attempts) candidate.attempts = Number(v.attempts);
    if (Object.keys(candidate).length) request.candidate = candidate;
    return request;
  }

  function missingFields(v) {
    const missing = [];
    if (!v.qualification.code) missing.push('종목');
    if (!v.qualification.grade) missing.push('종목 등급');
    if (!v.round) missing.push('회차');
    if (!v.examDate) missing.push('시험일');
    if (!v.announcedOn) missing.push('발표일');
    if (v.result !== 'ABSENT' && v.totalScore === '') missing.push('총점');
    return missing;
  }

  // ---------------------------------------------------------------- 결과 화면 그리기
  const OUTCOME_NAMES = {
    WRITTEN_PASS: '필기 합격', WRITTEN_FAIL: '필기 불합격', WRITTEN_ABSENT: '필기 결시',
    PRACTICAL_PASS: '실기 합격', PRACTICAL_FAIL: '실기 불합격', PRACTICAL_ABSENT: '실기 결시',
    INTERVIEW_PASS: '면접 합격', INTERVIEW_FAIL: '면접 불합격', INTERVIEW_ABSENT: '면접 결시',
  };
  const SECTION_NAMES = {
    RESULT_SUMMARY: '결과', SCORE_BREAKDOWN: '과목별 점수', PASS_CRITERIA: '합격 기준', WEAK_SUBJECTS: '보완할 과목',
    PASSER_COMPARISON: '합격자와 비교', PASS_RATE_TREND: '연도별 합격률', PREP_PERIOD: '준비 기간',
    WRITTEN_EXEMPTION: '필기시험 면제 기간', ELIGIBILITY_DOCUMENTS: '응시자격 서류', NEXT_EXAM_SCHEDULE: '다음 시험 일정',
    REAPPLY: '재접수', LEARNING_RESOURCES: '학습 자료', TRAINING: '훈련·교육', CERTIFICATE_ISSUE: '자격증 발급',
    RELATED_QUALIFICATIONS: '관련 자격', JOBS: '일자리 정보', YOUTH_FEE_DISCOUNT: '청년 응시료 할인', SURVEY: '만족도 조사',
    NOTICES: '안내문', REMINDERS: '알림 일정', NOTIFICATIONS: '문자 메시지',
  };
  const TONE_NAMES = { SUCCESS: '성공', FAILURE: '실패', WARNING: '주의', INFO: '안내' };
  const STAGE_NAMES = { WRITTEN: '필기', PRACTICAL: '실기', INTERVIEW: '면접' };
  const RESULT_NAMES = { PASS: '합격', FAIL: '불합격', ABSENT: '결시' };
  const EXEMPTION_STATUS = { ACTIVE: '유효', EXPIRING: '만료 임박', EXPIRED: '만료' };

  /** 자료 항목 목록: 값이 없는(null) 항목은 보이지 않고, 보일 항목이 없으면 목록도 없습니다. */
  function dl(pairs) {
    const list = el('dl', { class: 'facts' });
    for (const [term, value] of pairs) {
      if (value === undefined || value === null) continue;
      list.append(el('div', null, el('dt', { text: term }), el('dd', { text: value })));
    }
    return list.childElementCount ? list : null;
  }

  function renderResultSummary(section) {
    const d = section.data || {};
    const box = el('div', { class: 'result-emphasis' },
      el('p', { class: `result-word result-${(d.result || '').toLowerCase()}`, text: `${STAGE_NAMES[d.stage] || ''} ${RESULT_NAMES[d.result] || ''}`.trim() }));
    if (d.finalPass) box.append(el('p', { class: 'stamp', role: 'img', 'aria-label': '최종합격 도장', text: '최종합격' }));
    return box;
  }

  function renderScores(section) {
    const d = section.data || {};
    const subjects = d.subjects || [];
    const table = el('table', { class: 'score-table' },
      el('caption', { class: 'visually-hidden', text: '과목별 점수' }),
      el('thead', null, el('tr', null, el('th', { scope: 'col', text: '과목' }), el('th', { scope: 'col', text: '점수' }),
        el('th', { scope: 'col', class: 'bar-col', text: '그래프' }))));
    const body = el('tbody');
    const bar = (score, failed) => svg('svg', { viewBox: '0 0 100 10', class: 'score-bar', 'aria-hidden': 'true', preserveAspectRatio: 'none' },
      svg('rect', { x: 0, y: 0, width: 100, height: 10, class: 'bar-bg' }),
      svg('rect', { x: 0, y: 0, width: Math.max(0, Math.min(100, Number(score) || 0)), height: 10, class: failed ? 'bar-fail' : 'bar-ok' }),
      svg('line', { x1: 40, x2: 40, y1: 0, y2: 10, class: 'bar-mark' }),
      svg('line', { x1: 60, x2: 60, y1: 0, y2: 10, class: 'bar-mark' }));
    for (const s of subjects) {
      const failed = Boolean(s.belowSubjectMinimum);
      body.append(el('tr', { class: failed ? 'fail-row' : null },
        el('th', { scope: 'row' }, s.name, failed ? el('span', { class: 'badge badge-fail', text: '과락' }) : null),
        el('td', { class: 'num', text: fmt(s.score) }),
        el('td', { class: 'bar-col' }, bar(s.score, failed))));
    }
    table.append(body);
    const hasAverage = d.average !== null && d.average !== undefined;
    if (hasAverage && subjects.length) {
      table.append(el('tfoot', null, el('tr', null, el('th', { scope: 'row', text: '평균' }),
        el('td', { class: 'num strong', text: fmt(d.average) }), el('td', { class: 'bar-col' }))));
    } else if (hasAverage) {
      body.append(el('tr', null, el('th', { scope: 'row', text: '총점' }),
        el('td', { class: 'num strong', text: fmt(d.average) }), el('td', { class: 'bar-col' }, bar(d.average, false))));
    }
    return table;
  }

  function renderTrend(section) {
    const d = section.data || {};
    const years = (d.years || []).filter((y) => y.passRate !== null && y.passRate !== undefined);
    const unsat = (d.years || []).filter((y) => y.passRate === null).map((y) => `${y.year}년`);
    if (!years.length) return unsat.length ? el('p', { class: 'no-stats', text: `${unsat.join(', ')}: 통계 없음(응시자 없음)` }) : null;
    const W = 320; const H = 180; const left = 34; const right = 10; const top = 16; const bottom = 28;
    const plotW = W - left - right; const plotH = H - top - bottom;
    const max = 100;
    const step = plotW / years.length;
    const titleId = nextId('chart-title');
    const descId = nextId('chart-desc');
    const stageName = STAGE_NAMES[d.stage] || '';
    const chart = svg('svg', { viewBox: `0 0 ${W} ${H}`, class: 'trend-chart', role: 'img', 'aria-labelledby': `${titleId} ${descId}` },
      svg('title', { id: titleId, text: `${stageName} 연도별 합격률` }),
      svg('desc', { id: descId, text: years.map((y) => `${y.year}년 ${y.passRate}%`).join(', ') }));
    for (const tick of [0, 25, 50, 75, 100]) {
      const y = top + plotH - (tick / max) * plotH;
      chart.append(svg('line', { x1: left, x2: W - right, y1: y, y2: y, class: 'grid' }),
        svg('text', { x: left - 6, y: y + 3, class: 'axis', 'text-anchor': 'end', text: `${tick}` }));
    }
    const points = [];
    years.forEach((y, i) => {
      const h = (Number(y.passRate) / max) * plotH;
      const x = left + i * step + step * 0.2;
      const bw = step * 0.6;
      chart.append(svg('rect', { x, y: top + plotH - h, width: bw, height: h, class: 'bar', rx: 2 }),
        svg('text', { x: x + bw / 2, y: H - 10, class: 'axis', 'text-anchor': 'middle', text: `${y.year}` }),
        svg('text', { x: x + bw / 2, y: top + plotH - h - 4, class: 'value', 'text-anchor': 'middle', text: `${fmt(y.passRate)}` }));
      points.push(`${x + bw / 2},${top + plotH - h}`);
    });
    chart.append(svg('polyline', { points: points.join(' '), class: 'line' }));
    for (const p of points) {
      const [cx, cy] = p.split(',');
      chart.append(svg('circle', { cx, cy, r: 3, class: 'dot' }));
    }
    return el('figure', { class: 'chart' }, chart, el('figcaption', { text: `${stageName} 합격률(%) — 막대와 선` }));
  }

  function daysBetween(a, b) {
    return Math.round((Date.parse(b) - Date.parse(a)) / 86400000);
  }

  function renderExemption(section) {
    const d = section.data || {};
    const wrap = el('div', { class: 'exemption' });
    wrap.append(el('p', { class: 'window' }, el('span', { class: 'label', text: '면제 기간 ' }),
      el('strong', { text: `${dot(d.validFrom)} ~ ${dot(d.validUntil)}` })));
    if (d.daysRemaining !== null && d.daysRemaining !== undefined) {
      const left = Number(d.daysRemaining);
      wrap.append(el('p', { class: `days ${left < 0 ? 'days-expired' : ''}` },
        left >= 0 ? el('strong', { text: `${left.toLocaleString('ko-KR')}일` }) : el('strong', { text: `${(-left).toLocaleString('ko-KR')}일 지남` }),
        left >= 0 ? ' 남음' : '',
        d.status ? el('span', { class: `badge badge-${String(d.status).toLowerCase()}`, text: EXEMPTION_STATUS[d.status] || d.status }) : null));
      if (d.validFrom && d.validUntil) {
        const total = daysBetween(d.validFrom, d.validUntil) + 1;
        const usedFraction = Math.max(0, Math.min(1, (total - Math.max(0, left)) / total));
        wrap.append(svg('svg', { viewBox: '0 0 100 6', class: 'exemption-bar', preserveAspectRatio: 'none', 'aria-hidden': 'true' },
          svg('rect', { x: 0, y: 0, width: 100, height: 6, class: 'bar-bg' }),
          svg('rect', { x: 0, y: 0, width: (1 - usedFraction) * 100, height: 6, class: 'bar-left' })));
      }
    }
    if (d.practicalRoundsLeft !== null && d.practicalRoundsLeft !== undefined) {
      wrap.append(el('p', { text: `이 기간에 응시할 수 있는 실기 회차: ${d.practicalRoundsLeft}회` }));
    }
    return wrap;
  }

  function renderSectionData(section) {
    const d = section.data || {};
    switch (section.id) {
      case 'RESULT_SUMMARY': return renderResultSummary(section);
      case 'SCORE_BREAKDOWN': return renderScores(section);
      case 'PASS_RATE_TREND': return renderTrend(section);
      case 'WRITTEN_EXEMPTION': return renderExemption(section);
      case 'PASS_CRITERIA': return dl([
        ['과목 최저 점수', d.subjectMinimum === null ? null : `${d.subjectMinimum}점`],
        ['합격 최저 점수', d.averageMinimum === null ? null : `${d.averageMinimum}점`],
        ['나의 점수', d.average === null || d.average === undefined ? null : `${fmt(d.average)}점`],
        ['모자란 점수', d.shortfall === null || d.shortfall === 0 ? null : `${fmt(d.shortfall)}점`],
        ['과락 과목', (d.failedSubjects || []).length ? d.failedSubjects.join(', ') : null],
      ]);
      case 'WEAK_SUBJECTS': return (d.subjects || []).length
        ? el('ol', { class: 'weak' }, d.subjects.map((s) => el('li', { text: s }))) : null;
      case 'PASSER_COMPARISON': return dl([
        ['연도', d.year === null || d.year === undefined ? null : `${d.year}년`],
        ['응시자', d.applicants === null || d.applicants === undefined ? null : `${Number(d.applicants).toLocaleString('ko-KR')}명`],
        ['합격자', d.passers === null || d.passers === undefined ? null : `${Number(d.passers).toLocaleString('ko-KR')}명`],
        ['합격률', d.passRate === null || d.passRate === undefined ? (d.year ? '통계 없음' : null) : `${fmt(d.passRate)}%`],
        ['합격자 평균', d.passerAverage === null || d.passerAverage === undefined ? null : `${fmt(d.passerAverage)}점`],
        ['나의 위치', d.topPercent === null || d.topPercent === undefined ? null : `상위 ${fmt(d.topPercent)}%`],
      ]);
      case 'ELIGIBILITY_DOCUMENTS': return dl([
        ['제출 기간', d.submissionStart && d.deadline ? `${dot(d.submissionStart)} ~ ${dot(d.deadline)}` : null],
        ['제출 마감', !d.submissionStart && d.deadline ? dot(d.deadline) : null],
        ['마감 지남', d.deadlinePassed ? '예' : null],
        ['응시자격', d.eligibilityText || null],
      ]);
      case 'REAPPLY': return dl([['응시료', d.fee === null || d.fee === undefined ? null : `${Number(d.fee).toLocaleString('ko-KR')}원`]]);
      case 'RELATED_QUALIFICATIONS': return (d.sameField || []).length
        ? el('ul', { class: 'related' }, d.sameField.map((n) => el('li', { text: n }))) : null;
      case 'NEXT_EXAM_SCHEDULE': return dl([
        ['시험', d.stage ? STAGE_NAMES[d.stage] || d.stage : null],
        ['회차', d.round || null],
        ['원서 접수', d.registrationEnd ? `${d.registrationStart ? dot(d.registrationStart) : ''} ~ ${dot(d.registrationEnd)}` : null],
        ['시험일', d.examDate ? dot(d.examDate) : null],
      ]);
      case 'YOUTH_FEE_DISCOUNT': return d.maxAge ? dl([['대상', `그해 1월 1일 기준 만 ${d.maxAge}세 이하`]]) : null;
      default: return null;
    }
  }

  /** QR 이미지: 토큰을 붙여 /console/qr.svg 를 받아 data: 주소로 보여 줍니다(img 는 토큰을 보낼 수 없음). */
  async function loadQr(img, url) {
    try {
      const response = await fetch(`/console/qr.svg?text=${encodeURIComponent(url)}`, {
        headers: { Authorization: `Bearer ${token()}` }, credentials: 'omit',
      });
      if (!response.ok) throw new Error(String(response.status));
      const text = await response.text();
      img.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(text)}`;
      img.dataset.loaded = 'true';
    } catch (e) {
      img.alt = `${img.alt} (불러오지 못함)`;
      img.dataset.loaded = 'false';
    }
  }

  function renderLinks(section) {
    if (!(section.links || []).length) return null;
    return el('ul', { class: 'links' }, section.links.map((link) => {
      const item = el('li', { class: link.qr ? 'link with-qr' : 'link' },
        el('a', { href: link.url, target: '_blank', rel: 'noopener noreferrer', text: link.label }));
      if (link.qr && /^https?:\/\//i.test(link.url)) {
        const img = el('img', { class: 'qr', alt: `${link.label} QR 코드`, width: 112, height: 112 });
        item.append(img);
        loadQr(img, link.url);
      }
      return item;
    }));
  }

  function renderTrace(entries, expanded) {
    const id = nextId('trace');
    const panel = el('div', { id, class: 'trace', hidden: !expanded },
      entries.length ? el('ul', null, entries.map((t) => el('li', null,
        el('span', { class: 'trace-label', text: '규칙' }), ' ', el('span', { class: 'trace-rule', text: t.rule }), el('br'),
        el('span', { class: 'trace-label', text: '출처' }), ' ', el('code', { class: 'trace-source', text: t.source }))))
        : el('p', { text: '이 섹션의 결정 근거가 응답에 없습니다.' }));
    const button = el('button', {
      type: 'button', class: 'trace-toggle secondary small', 'aria-expanded': String(Boolean(expanded)), 'aria-controls': id,
      text: expanded ? '결정 근거 숨기기' : '결정 근거 보기',
      onclick: () => {
        const open = panel.hidden;
        panel.hidden = !open;
        button.setAttribute('aria-expanded', String(open));
        button.textContent = open ? '결정 근거 숨기기' : '결정 근거 보기';
      },
    });
    return [button, panel];
  }

  function renderDecision(decision, { heading, compact, explain, eyebrow } = {}) {
    const outcome = OUTCOME_NAMES[decision.outcome] || decision.outcome;
    const page = el('article', { class: `qnet-page${compact ? ' compact' : ''}`, dataset: { outcome: decision.outcome } });
    const headingId = nextId('page-heading');
    page.setAttribute('aria-labelledby', headingId);
    page.append(el('header', { class: 'page-head' },
      el('p', { class: 'eyebrow', text: eyebrow || 'Q-Net 결과 화면 미리보기' }),
      el(compact ? 'h3' : 'h2', { id: headingId, text: heading || outcome }),
      el('p', { class: 'meta', text: `결과 ${outcome} · 기준일 ${dot(decision.asOf)} · 규칙 버전 ${decision.rulesVersion}` })));
    if ((decision.notices || []).length) {
      page.append(el('div', { class: 'page-part', dataset: { pagePart: 'NOTICES' } },
        el('ul', { class: 'notices section-body' }, decision.notices.map((n) => el('li', { text: n.message })))));
    }
    const trace = decision.trace || [];
    for (const section of decision.sections) {
      const tone = String(section.tone || 'INFO').toLowerCase();
      const block = el('section', { class: `fb-section tone-${tone} sec-${section.id.toLowerCase()}`, dataset: { sectionId: section.id, tone: section.tone } });
      const titleTag = compact ? 'h4' : 'h3';
      block.append(el('p', { class: 'section-kind' }, SECTION_NAMES[section.id] || section.id,
        el('span', { class: 'visually-hidden', text: ` (${TONE_NAMES[section.tone] || section.tone})` })));
      block.append(el(titleTag, { class: 'section-title', text: section.title }));
      const visual = renderSectionData(section);
      if (section.id === 'RESULT_SUMMARY' && visual) block.append(visual);
      if (section.body) block.append(el('p', { class: 'section-body', text: section.body }));
      if (section.id !== 'RESULT_SUMMARY' && visual) block.append(visual);
      const links = renderLinks(section);
      if (links) block.append(links);
      block.append(...renderTrace(trace.filter((t) => t.section === section.id), explain));
      page.append(block);
    }
    if ((decision.reminders || []).length) {
      page.append(el('section', { class: 'fb-section page-part', dataset: { pagePart: 'REMINDERS' } },
        el('p', { class: 'section-kind', text: SECTION_NAMES.REMINDERS }),
        el('ul', { class: 'reminders section-body' }, decision.reminders.map((r) => el('li', { text: `${dot(r.date)} ${r.text}` })))));
    }
    if (decision.notifications) {
      page.append(el('section', { class: 'fb-section page-part', dataset: { pagePart: 'NOTIFICATIONS' } },
        el('p', { class: 'section-kind', text: SECTION_NAMES.NOTIFICATIONS }),
        el('dl', { class: 'facts section-body' },
          el('div', null, el('dt', { text: '단문(SMS)' }), el('dd', { class: 'sms', text: decision.notifications.sms })),
          el('div', null, el('dt', { text: '장문(LMS)' }), el('dd', { class: 'lms', text: decision.notifications.lms })))));
    }
    return page;
  }

  async function preview(request) {
    const { body } = await api('POST', '/v1/feedback?explain=true', { json: request });
    return body;
  }

  function initPreview() {
    for (const button of document.querySelectorAll('[data-preset]')) {
      button.addEventListener('click', () => {
        applyPreset(button.dataset.preset);
        setStatus($('preview-status'), `“${PRESETS[button.dataset.preset].label}” 시안으로 채웠습니다. 미리보기를 누르세요.`);
      });
    }
    $('add-subject').addEventListener('click', () => addSubjectRow().querySelector('input').focus());
    $('preview-form').addEventListener('submit', async (event) => {
      event.preventDefault();
      const values = formValues();
      const missing = missingFields(values);
      const out = $('preview-result');
      if (missing.length) {
        setStatus($('preview-status'), `다음 항목을 채워 주세요: ${missing.join(', ')}`, 'error');
        return;
      }
      setStatus($('preview-status'), '결과 화면을 만드는 중입니다…', 'busy');
      out.setAttribute('aria-busy', 'true');
      try {
        const request = buildRequest(values);
        const decision = await preview(request);
        const page = renderDecision(decision, { explain: $('explain-all').checked });
        out.replaceChildren(page);
        offerScenario(page, decision, request);
        // 결과로 초점을 옮깁니다: 키보드 사용자와 좁은 화면(양식 아래에 결과가 옴)에서 바로 읽을 수 있게.
        const heading = page.querySelector('.page-head h2');
        heading.setAttribute('tabindex', '-1');
        heading.focus();
        setStatus($('preview-status'), `미리보기 완료: ${OUTCOME_NAMES[decision.outcome] || decision.outcome}, 섹션 ${decision.sections.length}개.`, 'ok');
      } catch (e) {
        out.replaceChildren();
        withdrawScenario();
        setStatus($('preview-status'), e.message, 'error');
      } finally {
        out.setAttribute('aria-busy', 'false');
      }
    });
    $('explain-all').addEventListener('change', (event) => {
      for (const button of document.querySelectorAll('#preview-result .trace-toggle, #compare-grid .trace-toggle')) {
        if ((button.getAttribute('aria-expanded') === 'true') !== event.target.checked) button.click();
      }
    });
    $('compare-four').addEventListener('click', async () => {
      const section = $('compare');
      const grid = $('compare-grid');
      section.hidden = false;
      grid.replaceChildren();
      setStatus($('preview-status'), '네 가지 시안을 만드는 중입니다…', 'busy');
      try {
        const decisions = await Promise.all(FOUR_VERSIONS.map((name) => preview(presetRequest(name))));
        decisions.forEach((decision, i) => grid.append(renderDecision(decision, {
          heading: PRESETS[FOUR_VERSIONS[i]].label, compact: true, explain: $('explain-all').checked,
        })));
        setStatus($('preview-status'), '네 가지 시안(필기 합격, 필기 불합격, 실기 합격, 실기 불합격)을 나란히 보여 줍니다.', 'ok');
        $('compare-heading').setAttribute('tabindex', '-1');
        $('compare-heading').focus();
      } catch (e) {
        section.hidden = true;
        setStatus($('preview-status'), e.message, 'error');
      }
    });
  }

  // ---------------------------------------------------------------- 상담
  const DECISION_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

  /** 응시자가 본 화면(JSON, 또는 달력으로 받았으면 그 달력 글)과 결정 근거를 보여 줍니다. */
  function renderHelpdeskView(view) {
    const meta = el('p', { class: 'meta helpdesk-meta',
      text: `결정 ID ${view.decisionId} · 결정 시각 ${new Date(view.decidedAt).toLocaleString('ko-KR', { timeZone: 'Asia/Seoul' })} · 규칙 버전 ${view.rulesVersion}` });
    if (typeof view.page === 'string') {
      return el('div', { class: 'helpdesk-view' }, meta,
        el('p', { text: '응시자는 이 결정을 달력(text/calendar)으로 받았습니다. 받은 그대로입니다:' }),
        el('pre', { class: 'calendar-text', text: view.page }),
        el('h3', { text: '결정 근거' }),
        el('ul', { class: 'trace' }, (view.trace || []).map((t) => el('li', null,
          el('span', { class: 'trace-rule', text: `${SECTION_NAMES[t.section] || t.section}: ${t.rule}` }), ' ',
          el('code', { class: 'trace-source', text: t.source })))));
    }
    const page = renderDecision({ ...view.page, trace: view.trace || [] },
      { explain: true, eyebrow: '응시자가 본 Q-Net 결과 화면 (상담 조회)' });
    return el('div', { class: 'helpdesk-view' }, meta, page);
  }

  function initHelpdesk() {
    $('helpdesk-form').addEventListener('submit', async (event) => {
      event.preventDefault();
      const id = $('helpdesk-id').value.trim().toLowerCase();
      const out = $('helpdesk-result');
      if (!DECISION_ID.test(id)) {
        setStatus($('helpdesk-status'), '결정 ID는 36c04c63-94b6-e28a-c276-020ff66da1f8 처럼 16진수 32자리를 8-4-4-4-12로 나눈 값입니다.', 'error');
        $('helpdesk-id').focus();
        return;
      }
      setStatus($('helpdesk-status'), '그때의 규칙 버전으로 화면을 다시 만드는 중입니다…', 'busy');
      out.setAttribute('aria-busy', 'true');
      try {
        const { body } = await api('GET', `/v1/decisions/${encodeURIComponent(id)}`);
        if (!body || body.page === undefined) {
          out.replaceChildren();
          setStatus($('helpdesk-status'), '이 토큰으로는 결정 기록만 보입니다. 화면을 보려면 상담(helpdesk) 토큰으로 바꿔 주세요.', 'warn');
          return;
        }
        const view = renderHelpdeskView(body);
        out.replaceChildren(view);
        const heading = view.querySelector('.page-head h2');
        if (heading) {
          heading.setAttribute('tabindex', '-1');
          heading.focus();
        }
        setStatus($('helpdesk-status'), '응시자가 본 화면입니다. 각 섹션의 결정 근거가 펼쳐져 있습니다. 이 조회는 감사 기록에 남았습니다.', 'ok');
      } catch (e) {
        out.replaceChildren();
        setStatus($('helpdesk-status'), e.message, 'error');
      } finally {
        out.setAttribute('aria-busy', 'false');
      }
    });
  }

  // ---------------------------------------------------------------- 규칙 관리
  function uploadForm() {
    const files = $('rule-files').files;
    if (!files.length) return null;
    const form = new FormData();
    for (const f of files) form.append('files', f, f.name);
    return form;
  }

  function table(caption, headers, rows, className) {
    return el('table', { class: `data-table ${className || ''}` },
      el('caption', { text: caption }),
      el('thead', null, el('tr', null, headers.map((h) => el('th', { scope: 'col', text: h })))),
      el('tbody', null, rows.map((r) => el('tr', null, r.map((c, i) => (i === 0
        ? el('th', { scope: 'row' }, c instanceof Node ? c : String(c ?? '—'))
        : el('td', null, c instanceof Node ? c : String(c ?? '—'))))))));
  }

  function problemsTable(problems) {
    return table(`파일별 문제 ${problems.length}개`, ['파일', '시트', '행', '열', '내용'], problems.map((p) => [
      p.file || '—', p.sheet || '—', p.row ?? (p.line ? `${p.line}번째 줄` : '—'), p.column || '—', p.message,
    ]), 'problems');
  }

  function coverageBlock(coverage) {
    if (!coverage) return null;
    const lines = coverage.summary || [];
    return el('section', { class: 'coverage', 'aria-label': '완전성·충돌 검사' },
      el('h4', { text: '완전성·충돌 검사' }),
      dl([['빈틈', `${(coverage.gaps || []).length}개`], ['충돌', `${(coverage.conflicts || []).length}개`],
        ['적용되지 않는 행', `${(coverage.deadRows || []).length}개`], ['겹치는 행', `${(coverage.overlaps || []).length}쌍`],
        ['스위치가 꺼져 쓰이지 않는 행', (coverage.switchedOffRows || []).length ? `${coverage.switchedOffRows.length}개` : null]]),
      el('ul', { class: 'coverage-lines' }, lines.map((line) => el('li', { text: line }))));
  }

  function checkReport(check, title) {
    const wrap = el('div', { class: 'report' });
    if (title) wrap.append(el('h4', { text: title }));
    const problems = check.problems || [];
    wrap.append(el('p', { class: `verdict ${check.valid ? 'verdict-ok' : 'verdict-bad'}` },
      check.valid ? `검증 통과: 게시할 수 있습니다 (버전 ${check.version}).`
        : (check.compiled === false || problems.length ? `검증 실패: 문제 ${problems.length}개` : '검증 실패: 빈틈이나 충돌이 있어 게시할 수 없습니다.')));
    if (problems.length) wrap.append(problemsTable(problems));
    const cov = coverageBlock(check.coverage);
    if (cov) wrap.append(cov);
    return wrap;
  }

  /** 영향 분석 결과(요약과 결과·섹션별 변화 표): 영향 분석 단계와 결재 요청이 함께 씁니다. */
  function impactReport(r, title) {
    const wrap = el('div', { class: 'report impact-report' }, el('h4', { text: title }),
      dl([['가상 응시자', `${fmt(r.candidates, 0)}명`], ['달라지는 응시자', `${fmt(r.candidatesAffected, 0)}명`],
        ['지금 버전', r.activeVersion], ['새 버전', r.candidateVersion], ['걸린 시간', `${fmt(r.millis, 0)} ms`]]));
    if ((r.changes || []).length) {
      const PARTS = [['order', '순서'], ['tone', '톤'], ['title', '제목'], ['body', '본문'], ['data', '자료'], ['links', '링크']];
      const parts = (d) => PARTS.filter(([k]) => d && d[k] > 0).map(([k, name]) => `${name} ${fmt(d[k], 0)}`).join(', ') || '—';
      wrap.append(table('결과·섹션별 변화', ['결과', '섹션', '새로 보임', '안 보이게 됨', '다르게 보임', '달라진 부분', '예시 응시자'],
        r.changes.map((c) => [OUTCOME_NAMES[c.outcome] || c.outcome, SECTION_NAMES[c.section] || c.section,
          fmt(c.newlyShown, 0), fmt(c.noLongerShown, 0), fmt(c.shownDifferently, 0), parts(c.differences),
          (c.examples || []).join(', ') || '—']), 'impact'));
    } else {
      wrap.append(el('p', { text: '가상 응시자 누구의 결과 화면도 달라지지 않습니다.' }));
    }
    return wrap;
  }

  async function runRules(button, work) {
    const status = $('rules-status');
    const out = $('rules-result');
    button.disabled = true;
    setStatus(status, '서비스가 규칙을 확인하는 중입니다. 수십 초 걸릴 수 있습니다…', 'busy');
    try {
      await work(status, out);
    } catch (e) {
      setStatus(status, e.message, 'error');
      out.replaceChildren(el('p', { class: 'error-box', role: 'alert', text: e.message }));
    } finally {
      button.disabled = false;
    }
  }

  function requireFiles(status) {
    const form = uploadForm();
    if (!form) setStatus(status, '먼저 규칙 파일을 고르세요.', 'error');
    return form;
  }

  /** 영향 분석 보고서(가상 응시자든 보관한 응시자든 같은 모양)를 표와 예시로 보여 줍니다. */
  function showImpact(body, status, out, subject = '가상 응시자') {
    if (!body.impact) {
      out.replaceChildren(checkReport(body, '영향 분석 전에 검증에서 문제가 나왔습니다'));
      setStatus(status, '규칙에 문제가 있어 영향 분석을 하지 못했습니다.', 'error');
      return;
    }
    const r = body.impact;
    const wrap = el('div', { class: 'report' }, el('h4', { text: '영향 분석 결과' }),
      dl([[subject, `${fmt(r.candidates, 0)}명`], ['달라지는 응시자', `${fmt(r.candidatesAffected, 0)}명`],
        ['지금 버전', r.activeVersion], ['새 버전', r.candidateVersion], ['걸린 시간', `${fmt(r.millis, 0)} ms`]]));
    if ((r.changes || []).length) {
      const PARTS = [['order', '순서'], ['tone', '톤'], ['title', '제목'], ['body', '본문'], ['data', '자료'], ['links', '링크']];
      const parts = (d) => PARTS.filter(([k]) => d && d[k] > 0).map(([k, name]) => `${name} ${fmt(d[k], 0)}`).join(', ') || '—';
      wrap.append(table('결과·섹션별 변화', ['결과', '섹션', '새로 보임', '안 보이게 됨', '다르게 보임', '달라진 부분', '예시 응시자'],
        r.changes.map((c) => [OUTCOME_NAMES[c.outcome] || c.outcome, SECTION_NAMES[c.section] || c.section,
          fmt(c.newlyShown, 0), fmt(c.noLongerShown, 0), fmt(c.shownDifferently, 0), parts(c.differences),
          impactExampleCell(r, c)]), 'impact'));
      wrap.append(el('div', { id: 'impact-example', class: 'impact-example', 'aria-live': 'polite' }));
    } else {
      wrap.append(el('p', { text: `${subject} 누구의 결과 화면도 달라지지 않습니다.` }));
    }
    const lines = r.lines || {};
    if (lines.unreadable || lines.refusedByActive || lines.refusedByCandidate) {
      wrap.append(el('p', { class: 'help impact-skipped', text: `비교하지 못한 줄: 읽을 수 없는 줄 ${fmt(lines.unreadable, 0)}개, 지금 버전이 거절한 줄 ${fmt(lines.refusedByActive, 0)}개, 새 버전이 거절한 줄 ${fmt(lines.refusedByCandidate, 0)}개${(lines.problems || []).length ? ` (처음 몇 줄: ${lines.problems.map((p) => `${p.line}번째 줄 ${p.code}${p.field ? ` ${p.field}` : ''}`).join(', ')})` : ''}.` }));
    }
    out.replaceChildren(wrap);
    setStatus(status, `영향 분석 완료: ${fmt(r.candidates, 0)}명 중 ${fmt(r.candidatesAffected, 0)}명의 화면이 달라집니다.`, 'ok');
  }

  function initRules() {
    $('validate-button').addEventListener('click', (event) => runRules(event.target, async (status, out) => {
      const form = requireFiles(status);
      if (!form) return;
      const { body } = await api('POST', '/v1/rules/validate', { form });
      out.replaceChildren(checkReport(body, '검증 결과'));
      setStatus(status, body.valid ? '검증 통과: 게시할 수 있습니다.' : `검증 실패: 문제 ${(body.problems || []).length}개를 찾았습니다.`, body.valid ? 'ok' : 'error');
    }));

    $('impact-button').addEventListener('click', (event) => runRules(event.target, async (status, out) => {
      const form = requireFiles(status);
      if (!form) return;
      const cohort = $('impact-cohort').value;
      if (cohort) {
        await runCohortImpact(cohort, form, status, out);
        return;
      }
      const size = Number($('impact-size').value) || 2000;
      const { body } = await api('POST', `/v1/rules/impact?size=${encodeURIComponent(size)}`, { form });
      showImpact(body, status, out);
    }));

    $('publish-button').addEventListener('click', (event) => runRules(event.target, async (status, out) => {
      const form = requireFiles(status);
      if (!form) return;
      form.append('note', $('publish-note').value);
      const size = Number($('impact-size').value) || 2000;
      const { status: http, body } = await api('POST', `/v1/rules/publish?size=${encodeURIComponent(size)}`, { form, accept422: true });
      if (http === 202) {
        out.replaceChildren(el('p', { class: 'verdict verdict-ok', text: `결재 요청 완료: 요청 ${body.id} (버전 ${body.version}). 다른 결재자가 승인해야 적용됩니다.` }));
        setStatus(status, `결재 요청 완료: 요청 ${body.id}. 다른 결재자가 승인해야 적용됩니다.`, 'ok');
        loadPending();
        return;
      }
      const wrap = el('div', { class: 'report' });
      if (body.published) {
        wrap.append(el('p', { class: 'verdict verdict-ok', text: `게시 완료: 버전 ${body.to} 가 적용되었습니다 (이전 ${body.from || '없음'}).` }));
      } else {
        wrap.append(el('p', { class: 'verdict verdict-bad', role: 'alert', text: koreanError(http, body) }));
      }
      if (body.checks) wrap.append(checkReport(body.checks, '검증'));
      const scenarios = body.scenarios;
      if (scenarios) {
        wrap.append(el('h4', { text: '수용 시나리오' }),
          el('p', { text: `시나리오 ${scenarios.scenarios}개 중 실패 ${(scenarios.failures || []).length}개 (${fmt(scenarios.millis, 0)} ms)` }));
        if ((scenarios.failures || []).length) {
          wrap.append(table('실패한 시나리오', ['시나리오', '위치', '상태', '내용'],
            scenarios.failures.map((f) => [f.name, f.location, f.status, f.error]), 'scenarios'));
        }
      }
      out.replaceChildren(wrap);
      setStatus(status, body.published ? `게시 완료: 버전 ${body.to}` : '게시하지 않았습니다. 아래 내용을 확인해 주세요.', body.published ? 'ok' : 'error');
      if (body.published) loadHistory();
    }));

    $('rule-files').addEventListener('change', (event) => {
      const names = [...event.target.files].map((f) => f.name);
      $('rule-files-chosen').textContent = names.length ? `선택한 파일: ${names.join(', ')}` : '선택한 파일 없음';
    });
    $('history-button').addEventListener('click', () => loadHistory());
    $('pending-button').addEventListener('click', () => loadPending());
    $('audit-button').addEventListener('click', () => loadAudit());
    $('verify-button').addEventListener('click', () => verifyAudit());
  }

  const ACTION_NAMES = {
    PUBLISH: '게시', ROLLBACK: '되돌리기', STARTUP: '시작', VALIDATE: '검증', REQUEST: '결재 요청(기안)', RETURN: '반려', IMPACT: '영향 분석', RECORD_READ: '결정 기록 조회', SIGNING: '감사 키 서명 시작',
  };
  const STATE_NAMES = { PENDING: '결재 대기', APPROVED: '승인(적용됨)', RETURNED: '반려' };
  const when = (iso) => (iso ? new Date(iso).toLocaleString('ko-KR', { timeZone: 'Asia/Seoul', hour12: false }) : '—');

  async function loadHistory(message) {
    const status = $('history-status');
    const out = $('history-result');
    setStatus(status, '이력을 불러오는 중입니다…', 'busy');
    try {
      const { body } = await api('GET', '/v1/rules');
      const activeId = body.active ? body.active.id : null;
      const versions = [...(body.versions || [])].sort((a, b) => String(b.publishedAt).localeCompare(String(a.publishedAt)));
      const rows = versions.map((v) => {
        const isActive = v.id === activeId;
        const action = isActive ? el('span', { class: 'badge badge-ok', text: '적용 중' })
          : el('button', {
            type: 'button', class: 'secondary small rollback', 'aria-label': `버전 ${v.id}로 되돌리기`, dataset: { version: v.id }, text: '이 버전으로 되돌리기',
            onclick: (event) => rollback(v.id, event.target),
          });
        return [el('code', { text: v.id }), when(v.publishedAt), v.publishedBy, v.note || '—', action];
      });
      out.replaceChildren(
        el('p', null, '지금 적용 중인 버전: ', el('strong', { class: 'active-version', text: activeId || '없음' })),
        table(`저장된 버전 ${versions.length}개 (최근 것부터)`, ['버전', '게시 시각', '게시자', '메모', '상태'], rows, 'history'),
        table('적용 기록 (최근 것부터)', ['버전', '시각', '누가', '동작'], [...(body.activations || [])].sort((a, b) => String(b.at).localeCompare(String(a.at)))
          .map((a) => [el('code', { text: a.version }), when(a.at), a.by, ACTION_NAMES[a.action] || a.action]), 'activations'));
      setStatus(status, message || `이력을 불러왔습니다. 적용 중인 버전: ${activeId || '없음'}`, 'ok');
    } catch (e) {
      out.replaceChildren();
      setStatus(status, e.message, 'error');
    }
  }

  // ---------------------------------------------------------------- 게시 결재 (기안 → 결재)
  async function loadPending(message) {
    const status = $('pending-status');
    const out = $('pending-result');
    setStatus(status, '결재 요청을 불러오는 중입니다…', 'busy');
    try {
      const { body } = await api('GET', '/v1/rules/pending');
      const requests = body.requests || [];
      const mode = body.approval === 'required' ? '게시는 결재자의 승인이 있어야 적용됩니다(QF_PUBLISH_APPROVAL=required).'
        : '이 서비스는 결재 없이 바로 게시합니다(QF_PUBLISH_APPROVAL=off).';
      out.replaceChildren(el('p', { class: 'help', text: mode }),
        ...(requests.length ? requests.map(pendingCard) : [el('p', { text: '결재 요청이 없습니다.' })]));
      const waiting = requests.filter((r) => r.state === 'PENDING').length;
      setStatus(status, message || `결재 요청 ${requests.length}건을 불러왔습니다 (결재 대기 ${waiting}건).`, 'ok');
    } catch (e) {
      out.replaceChildren();
      setStatus(status, e.message, 'error');
    }
  }

  function pendingCard(r) {
    const headingId = nextId('pending-heading');
    const card = el('article', { class: `pending-request state-${r.state.toLowerCase()}`, 'aria-labelledby': headingId, dataset: { id: r.id, state: r.state } },
      el('h4', { id: headingId }, `요청 ${r.id} `, el('span', { class: `badge badge-${r.state.toLowerCase()}`, text: STATE_NAMES[r.state] || r.state })),
      dl([['기안자', r.author], ['기안 시각', when(r.requestedAt)], ['메모', r.note || '—'], ['버전', `${r.base || '—'} → ${r.version}`],
        ['결재자', r.decidedBy], ['결재 시각', r.decidedAt ? when(r.decidedAt) : null], ['반려 사유', r.reason]]));
    if (r.state === 'PENDING' && r.stale) {
      card.append(el('p', { class: 'stale-warning', role: 'note', text: '요청 뒤에 적용 버전이 바뀌었습니다. 승인하면 지금 버전에 대해 검사를 다시 돌립니다.' }));
    }
    if (r.impact) card.append(impactReport(r.impact, '영향 분석 (요청 때 계산)'));
    if (r.state === 'PENDING') {
      const reasonId = nextId('return-reason');
      const reason = el('textarea', { id: reasonId, class: 'return-reason', rows: 2, maxlength: 500 });
      const approve = el('button', { type: 'button', class: 'primary approve', text: '승인(결재)', onclick: () => decidePending(r.id, 'approve', {}, approve) });
      const giveBack = el('button', {
        type: 'button', class: 'danger return', text: '반려',
        onclick: () => {
          if (!reason.value.trim()) {
            setStatus($('pending-status'), '반려하려면 사유를 적어 주세요.', 'error');
            reason.focus();
            return;
          }
          decidePending(r.id, 'return', { reason: reason.value.trim() }, giveBack);
        },
      });
      card.append(el('label', { for: reasonId, text: '반려 사유 (반려할 때 필수)' }), reason, el('div', { class: 'actions' }, approve, giveBack));
    }
    return card;
  }

  async function decidePending(id, decision, json, button) {
    const status = $('pending-status');
    button.disabled = true;
    setStatus(status, decision === 'approve' ? `요청 ${id}를 승인하고 검사를 다시 돌리는 중입니다. 수십 초 걸릴 수 있습니다…` : `요청 ${id}를 반려하는 중입니다…`, 'busy');
    try {
      const { status: http, body } = await api('POST', `/v1/rules/pending/${encodeURIComponent(id)}/${decision}`, { json, accept422: true });
      if (http === 422) {
        button.disabled = false;
        setStatus(status, `${koreanError(http, body)} 요청은 결재 대기로 남습니다.`, 'error');
        return;
      }
      await loadPending(decision === 'approve' ? `승인 완료: 버전 ${body.to} 가 적용되었습니다 (기안자 ${body.request.author}).` : `반려 완료: 요청 ${id}를 기안자에게 돌려보냈습니다.`);
      if (decision === 'approve') loadHistory();
    } catch (e) {
      button.disabled = false;
      setStatus(status, e.message, 'error');
    }
  }

  async function rollback(version, button) {
    button.disabled = true;
    const status = $('history-status');
    setStatus(status, `버전 ${version}로 되돌리는 중입니다…`, 'busy');
    try {
      await api('POST', '/v1/rules/rollback', { json: { version } });
      await loadHistory(`버전 ${version}로 되돌렸습니다.`);
      $('history-heading').setAttribute('tabindex', '-1');
      $('history-heading').focus();
    } catch (e) {
      button.disabled = false;
      setStatus(status, e.message, 'error');
    }
  }

  function diffSummary(diff) {
    if (!(diff || []).length) return '—';
    const details = el('details', null, el('summary', {
      text: diff.map((f) => `${f.path} (${f.kind === 'ADDED' ? '추가' : f.kind === 'REMOVED' ? '삭제' : '변경'}${(f.cells || []).length ? `, 셀 ${f.cells.length}개` : ''}${(f.lines || []).length ? `, 줄 ${f.lines.length}개` : ''})`).join(', '),
    }));
    const list = el('ul');
    for (const f of diff) {
      for (const c of f.cells || []) list.append(el('li', { text: `${f.path} ${c.sheet}!${c.cell}: “${c.before ?? ''}” → “${c.after ?? ''}”` }));
      for (const l of f.lines || []) list.append(el('li', { text: `${f.path} ${l.afterLine ?? l.beforeLine}번째 줄: “${l.before ?? ''}” → “${l.after ?? ''}”` }));
      if (f.omitted) list.append(el('li', { text: `${f.path}: 그 밖에 ${f.omitted}곳` }));
    }
    details.append(list);
    return details;
  }

  async function loadAudit() {
    const status = $('audit-status');
    const out = $('audit-result');
    setStatus(status, '감사 기록을 불러오는 중입니다…', 'busy');
    try {
      const { body } = await api('GET', '/v1/rules/audit');
      const entries = [...(body.entries || [])].reverse();
      out.replaceChildren(table(`감사 기록 ${entries.length}건 (최근 것부터)`, ['번호', '시각', '누가', '동작', '버전', '메모', '바뀐 내용'],
        entries.map((e) => [e.seq, when(e.at), e.who, ACTION_NAMES[e.action] || e.action, `${e.from || '—'} → ${e.to || '—'}`, e.note || '—', diffSummary(e.diff)]), 'audit'),
      el('p', { class: 'help' }, '마지막 기록의 해시: ', el('code', { text: body.headHash || '—' })));
      setStatus(status, `감사 기록 ${entries.length}건을 불러왔습니다.`, 'ok');
    } catch (e) {
      out.replaceChildren();
      setStatus(status, e.message, 'error');
    }
  }

  async function verifyAudit() {
    const status = $('audit-status');
    setStatus(status, '감사 기록의 해시 사슬을 확인하는 중입니다…', 'busy');
    try {
      const { body } = await api('GET', '/v1/rules/audit/verify');
      setStatus(status, body.ok ? `무결성 확인: 기록 ${body.entryCount}건의 해시 사슬이 온전합니다.`
        : `무결성 오류: ${body.firstBadSeq}번 기록부터 사슬이 맞지 않습니다 (${body.reason}).`, body.ok ? 'ok' : 'error');
    } catch (e) {
      setStatus(status, e.message, 'error');
    }
  }

  // ---------------------------------------------------------------- 시나리오로 저장
  // 미리본 화면에서 고른 섹션과 값을 기대로, 요청을 조건으로 하는 한국어 시나리오를 만들고(POST /v1/rules/scenarios/draft)
  // 그 .feature 파일을 규칙 버전에 넣어 게시합니다(POST /v1/rules/publish, 다른 규칙 변경과 같은 검증·시나리오 검사).
  let scenarioSource = null; // { request, decision, suggested }

  /** 값을 한 줄로 보여 줍니다(시나리오가 비교하는 글과 같은 모양: 없음, 빈 목록, 쉼표로 이은 목록). */
  function scenarioValueText(value) {
    if (value === null || value === undefined) return '(없음)';
    if (Array.isArray(value)) return value.length ? value.map(scenarioValueText).join(', ') : '(빈 목록)';
    if (typeof value === 'object') return JSON.stringify(value);
    return String(value);
  }

  function scenarioPicks(section) {
    const fields = Object.keys(section.data || {});
    const name = SECTION_NAMES[section.id] || section.id;
    const box = el('fieldset', { class: 'scenario-picks' },
      el('legend', { text: '시나리오에 넣기' }),
      el('label', { class: 'check' }, el('input', {
        type: 'checkbox', class: 'pick-section', dataset: { section: section.id }, 'aria-label': `${name} 섹션(보임·톤·제목)을 기대로`,
      }), ' 이 섹션 (보임·톤·제목)'));
    if (fields.length) {
      const list = el('ul', { class: 'pick-values' }, fields.map((field) => {
        const text = scenarioValueText(section.data[field]);
        return el('li', null, el('label', { class: 'check' }, el('input', {
          type: 'checkbox', class: 'pick-value', dataset: { section: section.id, field }, 'aria-label': `${name}의 ${field} 값 ${text}을(를) 기대로`,
        }), ' ', el('code', { text: field }), ` = ${text.length > 80 ? `${text.slice(0, 80)}…` : text}`));
      }));
      box.append(el('details', null, el('summary', { text: `값 고르기 (${fields.length}개)` }), list));
    }
    return box;
  }

  /** 미리보기 화면의 섹션마다 고르기 칸을 붙이고 저장 카드를 보여 줍니다. */
  function offerScenario(page, decision, request) {
    for (const section of decision.sections) {
      const block = page.querySelector(`[data-section-id="${section.id}"]`);
      if (block) block.append(scenarioPicks(section));
    }
    const name = $('scenario-name');
    const q = known.get(request.qualification.code);
    const suggested = `${q && q.name ? q.name : request.qualification.code} ${OUTCOME_NAMES[decision.outcome] || decision.outcome} 화면`;
    if (!name.value || (scenarioSource && name.value === scenarioSource.suggested)) name.value = suggested;
    scenarioSource = { request, decision, suggested };
    $('scenario-result').replaceChildren();
    setStatus($('scenario-status'), '');
    $('scenario-card').hidden = false;
  }

  function withdrawScenario() {
    scenarioSource = null;
    $('scenario-card').hidden = true;
  }

  function scenarioTicks() {
    const page = $('preview-result');
    return {
      sections: [...page.querySelectorAll('.pick-section:checked')].map((box) => box.dataset.section),
      values: [...page.querySelectorAll('.pick-value:checked')].map((box) => ({ section: box.dataset.section, field: box.dataset.field })),
    };
  }

  async function saveScenario(button) {
    const status = $('scenario-status');
    const out = $('scenario-result');
    if (!scenarioSource) return;
    const ticks = scenarioTicks();
    const name = $('scenario-name').value.trim();
    if (!name) {
      setStatus(status, '시나리오 이름을 넣어 주세요.', 'error');
      $('scenario-name').focus();
      return;
    }
    if (!ticks.sections.length && !ticks.values.length) {
      setStatus(status, '기대로 고정할 섹션이나 값을 하나 이상 고르세요(각 섹션의 “시나리오에 넣기”).', 'error');
      return;
    }
    button.disabled = true;
    setStatus(status, '시나리오를 만들고 지금 규칙으로 돌려 보는 중입니다…', 'busy');
    try {
      const { body } = await api('POST', '/v1/rules/scenarios/draft', { json: { name, request: scenarioSource.request, ...ticks } });
      out.replaceChildren(scenarioDraftView(body));
      const passed = body.check && body.check.passed;
      setStatus(status, passed ? `시나리오를 만들었습니다: ${body.path} (지금 규칙 버전 ${body.rulesVersion}에서 통과). 게시하면 저장됩니다.`
        : '시나리오를 만들었지만 지금 규칙에서 통과하지 않습니다. 아래 내용을 확인해 주세요.', passed ? 'ok' : 'error');
    } catch (e) {
      out.replaceChildren(el('p', { class: 'error-box', role: 'alert', text: e.message }));
      setStatus(status, e.message, 'error');
    } finally {
      button.disabled = false;
    }
  }

  function scenarioFailures(failures) {
    return table('실패한 시나리오', ['시나리오', '위치', '상태', '내용'], failures.map((f) => [f.name, f.location, f.status, f.error]), 'scenarios');
  }

  function scenarioDraftView(draft) {
    const passed = draft.check && draft.check.passed;
    const wrap = el('div', { class: 'report scenario-draft' },
      el('p', { class: `verdict ${passed ? 'verdict-ok' : 'verdict-bad'}` }, passed
        ? `지금 규칙(버전 ${draft.rulesVersion})으로 돌려 보니 통과합니다.`
        : '지금 규칙으로 돌려 보니 통과하지 않습니다: 이대로는 게시할 수 없습니다.'),
      el('p', null, '저장할 파일: ', el('code', { class: 'scenario-path', text: `rules/${draft.path}` }),
        draft.replaces ? ' (같은 이름의 시나리오를 바꿉니다)' : ''),
      el('pre', { id: 'scenario-text', class: 'scenario-text', tabindex: '0', 'aria-label': '시나리오 글', text: draft.feature }));
    if (!passed && draft.check && (draft.check.failures || []).length) wrap.append(scenarioFailures(draft.check.failures));
    if (passed) {
      const noteId = nextId('scenario-note');
      wrap.append(el('label', { for: noteId, text: '게시 메모' }),
        el('input', { id: noteId, type: 'text', class: 'scenario-note', maxlength: 500, value: `시나리오 저장: ${$('scenario-name').value.trim()}` }),
        el('div', { class: 'actions' }, el('button', {
          type: 'button', id: 'scenario-publish', class: 'danger', text: '시나리오를 규칙에 넣어 게시',
          onclick: (event) => publishScenario(draft, event.target, $(noteId).value),
        })),
        el('p', { class: 'help', text: '게시는 다른 규칙 변경과 똑같이 검증, 완전성 검사, 모든 수용 시나리오(저장한 것 포함)를 거칩니다. 수십 초에서 몇 분 걸립니다.' }));
    }
    return wrap;
  }

  async function publishScenario(draft, button, note) {
    const status = $('scenario-status');
    button.disabled = true;
    setStatus(status, '시나리오를 넣은 규칙 버전을 검증하고 게시하는 중입니다. 몇 분 걸릴 수 있습니다…', 'busy');
    try {
      const form = new FormData();
      form.append('files', new Blob([draft.feature], { type: 'text/plain;charset=utf-8' }), draft.path.split('/').pop());
      form.append('note', note || '');
      const { status: http, body } = await api('POST', '/v1/rules/publish', { form, accept422: true });
      if (http === 202) { // QF_PUBLISH_APPROVAL=required: a request for a second person's approval
        $('scenario-result').append(el('p', { class: 'verdict verdict-ok', text: `결재 요청 완료: 요청 ${body.id} (버전 ${body.version}). 다른 결재자가 승인하면 시나리오가 적용되고, 그때부터 모든 게시가 이 시나리오를 통과해야 합니다.` }));
        setStatus(status, `결재 요청 완료: 요청 ${body.id}. 다른 결재자가 승인해야 적용됩니다.`, 'ok');
        loadPending();
        return;
      }
      const result = el('div', { class: 'report' });
      if (body.published) {
        result.append(el('p', { class: 'verdict verdict-ok', text: `게시 완료: 시나리오가 든 버전 ${body.to} 가 적용되었습니다. 이제 모든 게시가 이 시나리오를 통과해야 합니다.` }));
      } else {
        result.append(el('p', { class: 'verdict verdict-bad', role: 'alert', text: koreanError(http, body) }));
        if (body.scenarios && (body.scenarios.failures || []).length) result.append(scenarioFailures(body.scenarios.failures));
      }
      $('scenario-result').append(result);
      setStatus(status, body.published ? `게시 완료: 버전 ${body.to}` : '게시하지 않았습니다. 아래 내용을 확인해 주세요.', body.published ? 'ok' : 'error');
    } catch (e) {
      button.disabled = false;
      setStatus(status, e.message, 'error');
    }
  }

  // ---------------------------------------------------------------- 영향 분석 예시: 바뀌기 전과 후의 화면
  const CHANGE_KINDS = { NEWLY_SHOWN: '새로 보임', NO_LONGER_SHOWN: '안 보이게 됨', SHOWN_DIFFERENTLY: '다르게 보임' };
  const PART_NAMES = { shown: '표시 여부', order: '순서', tone: '톤', title: '제목', body: '본문', data: '자료', links: '링크' };
  /** 차이가 난 부분을 그 부분의 요소에 표시합니다(순서·톤·자료·표시 여부는 섹션 전체). */
  const PART_SELECTORS = { title: '.section-title', body: '.section-body', links: '.links' };

  /** 영향 분석 표의 “예시 응시자” 칸: 예시마다 그 응시자의 전후 화면을 여는 단추. */
  function impactExampleCell(report, change) {
    const samples = change.samples || [];
    if (!samples.length) return (change.examples || []).join(', ') || '—';
    return el('ul', { class: 'impact-samples' }, samples.map((sample) => el('li', null, el('button', {
      type: 'button', class: 'secondary small impact-example-open',
      dataset: { line: sample.line, kind: sample.kind, section: change.section },
      'aria-label': `${sample.candidateId} 응시자의 바뀌기 전과 후 화면 보기 (${CHANGE_KINDS[sample.kind] || sample.kind})`,
      text: `${sample.candidateId} · ${CHANGE_KINDS[sample.kind] || sample.kind}`,
      onclick: () => showImpactExample(report, sample.line),
    }))));
  }

  function differenceValue(value) {
    if (value === null || value === undefined) return '—';
    if (value === true) return '보임';
    if (value === false) return '안 보임';
    return typeof value === 'object' ? JSON.stringify(value) : String(value);
  }

  /** 미리보기와 같은 renderDecision 으로 그린 화면에서 바뀐 섹션과 부분에 표시를 붙입니다. */
  function markDifferences(page, differences, side) {
    for (const d of differences) {
      const block = page.querySelector(`[data-section-id="${d.section}"], [data-page-part="${d.section}"]`);
      if (!block) continue;
      block.classList.add('changed');
      if (d.part === 'shown') {
        block.classList.add(side === 'after' ? 'changed-added' : 'changed-removed');
        block.prepend(el('p', { class: 'change-badge', text: side === 'after' ? '새로 보임' : '안 보이게 됨' }));
        continue;
      }
      const selector = PART_SELECTORS[d.part];
      const part = selector ? block.querySelector(selector) : null;
      if (part) part.classList.add('changed-part');
      block.dataset.changedParts = [...new Set([...(block.dataset.changedParts || '').split(' ').filter(Boolean), d.part])].join(' ');
    }
  }

  function showImpactExample(report, line) {
    const box = $('impact-example');
    const page = (report.pages || []).find((p) => p.line === line);
    if (!box || !page) return;
    const differences = page.differences || [];
    const before = renderDecision(page.before, { heading: `바뀌기 전 (지금 버전 ${report.activeVersion})`, compact: true });
    const after = renderDecision(page.after, { heading: `바뀐 뒤 (새 버전 ${report.candidateVersion})`, compact: true });
    before.classList.add('impact-before');
    after.classList.add('impact-after');
    markDifferences(before, differences, 'before');
    markDifferences(after, differences, 'after');
    const headingId = nextId('impact-example-heading');
    box.replaceChildren(
      el('h4', { id: headingId, tabindex: '-1', text: `예시 응시자 ${page.candidateId} (${line}번째 줄): 바뀌기 전과 후` }),
      table(`달라진 곳 ${differences.length}군데`, ['섹션', '부분', '바뀌기 전', '바뀐 뒤'], differences.map((d) => [
        SECTION_NAMES[d.section] || d.section, PART_NAMES[d.part] || d.part, differenceValue(d.before), differenceValue(d.after),
      ]), 'impact-differences'),
      el('div', { class: 'impact-pair', role: 'group', 'aria-labelledby': headingId }, before, after));
    $(headingId).focus();
  }

  // ---------------------------------------------------------------- 보관한 실제 응시자로 영향 분석 (뒤에서 실행, 진행 상황과 취소)
  const RUN_STATUS = { RUNNING: '분석 중', DONE: '완료', CANCELLED: '취소됨', FAILED: '실패' };
  let currentRun = null;

  function showProgress(run) {
    const box = $('impact-progress-box');
    const bar = $('impact-progress');
    box.hidden = false;
    if (run.linesTotal) {
      bar.max = run.linesTotal;
      bar.value = run.linesDone;
    } else {
      bar.removeAttribute('value');
    }
    const total = run.linesTotal ? `${fmt(run.linesTotal, 0)}줄 중 ` : '';
    $('impact-progress-text').textContent = `${RUN_STATUS[run.status] || run.status}: ${total}${fmt(run.linesDone, 0)}줄 처리 (응시자 파일 ${run.cohort})`;
  }

  async function runCohortImpact(cohort, form, status, out) {
    const { status: http, body } = await api('POST', `/v1/rules/impact?cohort=${encodeURIComponent(cohort)}`, { form });
    if (http !== 202) {
      showImpact(body, status, out, '응시자');
      return;
    }
    currentRun = body.id;
    const cancel = $('impact-cancel');
    cancel.hidden = false;
    cancel.disabled = false;
    try {
      let run = body;
      while (run.status === 'RUNNING') {
        showProgress(run);
        setStatus(status, `보관한 응시자 ${cohort}의 화면을 두 버전으로 비교하는 중입니다…`, 'busy');
        await new Promise((resolve) => { setTimeout(resolve, 1000); });
        run = (await api('GET', `/v1/rules/impact/${encodeURIComponent(body.id)}`)).body;
      }
      showProgress(run);
      if (run.status === 'DONE') {
        showImpact(run, status, out, '비교한 응시자');
      } else if (run.status === 'CANCELLED') {
        out.replaceChildren();
        setStatus(status, `영향 분석을 취소했습니다 (${fmt(run.linesDone, 0)}줄 처리 후).`, 'warn');
      } else {
        setStatus(status, `영향 분석이 실패했습니다: ${run.error || ''}`, 'error');
      }
    } finally {
      cancel.hidden = true;
      currentRun = null;
    }
  }

  async function cancelRun() {
    if (!currentRun) return;
    $('impact-cancel').disabled = true;
    try {
      await api('DELETE', `/v1/rules/impact/${encodeURIComponent(currentRun)}`);
      setStatus($('rules-status'), '취소를 요청했습니다. 처리 중인 부분이 끝나면 멈춥니다…', 'busy');
    } catch (e) {
      $('impact-cancel').disabled = false;
      setStatus($('rules-status'), e.message, 'error');
    }
  }

  async function loadCohorts(message) {
    const status = $('cohorts-status');
    try {
      const { body } = await api('GET', '/v1/rules/cohorts');
      const select = $('impact-cohort');
      const chosen = select.value;
      select.replaceChildren(el('option', { value: '', text: '가상 응시자 (통계로 생성)' }),
        ...body.cohorts.map((c) => el('option', { value: c.name, text: `보관한 응시자: ${c.name}` })));
      if ([...select.options].some((o) => o.value === chosen)) select.value = chosen;
      sizeOnlyForGenerated();
      $('cohorts-result').replaceChildren(body.cohorts.length
        ? table(`보관한 응시자 파일 ${body.cohorts.length}개`, ['이름', '크기', '보관한 때', '자동 삭제', ''], body.cohorts.map((c) => [
          el('code', { text: c.name }), `${fmt(c.bytes / 1048576, 1)} MB`, when(c.keptAt), when(c.deleteAfter),
          el('button', { type: 'button', class: 'secondary small cohort-delete', dataset: { name: c.name }, 'aria-label': `${c.name} 지우기`, text: '지우기', onclick: () => deleteCohort(c.name) }),
        ]), 'cohorts')
        : el('p', { class: 'help', text: '보관한 응시자 파일이 없습니다.' }));
      setStatus(status, message || `보관한 응시자 파일 ${body.cohorts.length}개 (${body.retentionDays}일 뒤 자동 삭제).`, 'ok');
    } catch (e) {
      setStatus(status, e.message, 'error');
    }
  }

  function initScenario() {
    $('scenario-save').addEventListener('click', (event) => saveScenario(event.target));
  }

  async function uploadCohort() {
    const file = $('cohort-file').files[0];
    const status = $('cohorts-status');
    if (!file) {
      setStatus(status, '먼저 응시자 파일을 고르세요.', 'error');
      return;
    }
    const name = $('cohort-name').value.trim();
    const form = new FormData();
    form.append('files', file, file.name);
    setStatus(status, '응시자 파일을 올리는 중입니다…', 'busy');
    try {
      const { body } = await api('POST', `/v1/rules/cohorts${name ? `?name=${encodeURIComponent(name)}` : ''}`, { form });
      await loadCohorts(`${body.name} 보관 완료: ${fmt(body.lines, 0)}줄, ${when(body.deleteAfter)}에 자동으로 지워집니다.`);
      $('impact-cohort').value = body.name;
      sizeOnlyForGenerated();
    } catch (e) {
      setStatus(status, e.message, 'error');
    }
  }

  async function deleteCohort(name) {
    try {
      await api('DELETE', `/v1/rules/cohorts/${encodeURIComponent(name)}`);
      await loadCohorts(`${name}을(를) 지웠습니다.`);
    } catch (e) {
      setStatus($('cohorts-status'), e.message, 'error');
    }
  }

  /** 가상 응시자 수는 생성한 응시자에만 쓰입니다. */
  function sizeOnlyForGenerated() {
    $('impact-size').disabled = Boolean($('impact-cohort').value);
  }

  function initCohorts() {
    $('impact-cancel').addEventListener('click', cancelRun);
    $('cohort-upload').addEventListener('click', uploadCohort);
    $('cohorts-refresh').addEventListener('click', () => loadCohorts());
    $('impact-cohort').addEventListener('change', sizeOnlyForGenerated);
    $('cohorts').addEventListener('toggle', (event) => { if (event.target.open) loadCohorts(); });
    $('impact-cohort').addEventListener('focus', () => { if (token() && $('impact-cohort').options.length === 1) loadCohorts(); }, { once: true });
  }

  // ---------------------------------------------------------------- 시작
  document.addEventListener('DOMContentLoaded', () => {
    initToken();
    initTabs();
    initQualificationPicker();
    initPreview();
    initRules();
    initScenario();
    initCohorts();
    initHelpdesk();
    applyPreset('WRITTEN_PASS');
  });
})();
