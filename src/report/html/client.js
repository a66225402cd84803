// The script of report.html (inlined by src/report/html.ts). It runs from file:// with no network, in
// Chromium, Firefox and Edge, so it is plain ES2017 without modules. Every string that comes from a report
// reaches the page through textContent or a text node, never through innerHTML.
(function () {
  'use strict';

  var data = JSON.parse(document.getElementById('solieu-data').textContent);
  var PAGE_SIZE_REPORTS = 200;
  var PAGE_SIZE_FINDINGS = 100;

  var SEVERITY_LABEL = { error: 'Lỗi', warning: 'Cảnh báo', info: 'Thông tin' };
  var SEVERITY_ORDER = ['error', 'warning', 'info'];
  var STATUS_LABEL = { ok: 'Đọc được', 'needs-ocr': 'Cần OCR', failed: 'Không đọc được', skipped: 'Bỏ qua' };
  var STATUS_COUNT_LABEL = { ok: 'đọc được', 'needs-ocr': 'cần OCR', failed: 'không đọc được', skipped: 'bỏ qua' };
  var STATUS_ORDER = ['ok', 'needs-ocr', 'failed', 'skipped'];
  var DOC_TYPE_LABEL = { report: 'Báo cáo', plan: 'Kế hoạch', other: 'Văn bản khác' };
  var DECISION_LABEL = { confirmed: 'Đã xác nhận', dismissed: 'Đã bỏ qua' };
  var REVIEW_FILTER_LABEL = { '': 'Tất cả', open: 'Chưa xem xét', confirmed: 'Đã xác nhận', dismissed: 'Đã bỏ qua' };
  var SKIPPED_ADVICE = 'Không phải tệp PDF, DOCX hoặc TXT nên không được đọc; nếu đây là báo cáo, hãy gửi bản PDF hoặc DOCX.';

  var numberFormat = makeNumberFormat();
  var collator = makeCollator();

  // ---------------------------------------------------------------- decisions (localStorage + baseline)

  var baselineDecisions = {};
  if (data.review) {
    data.review.decisions.forEach(function (decision) { baselineDecisions[decision.fingerprint] = decision; });
  }
  var findingIndex = {};
  data.reports.forEach(function (report) {
    report.findings.forEach(function (finding) { findingIndex[finding.fingerprint] = { report: report, finding: finding }; });
  });
  // A finding across reports is kept under the report it is shown under, like a file's (review.json names that file).
  data.batchFindings.forEach(function (finding) {
    findingIndex[finding.fingerprint] = { report: { file: finding.file, id: finding.reportId }, finding: finding, batch: true };
  });

  var storage = openStorage();
  /** The browser's own records, read once: filters and sorting look decisions up thousands of times. */
  var localRecords = loadLocalRecords();

  function openStorage() {
    try {
      var probe = data.storagePrefix + '__probe';
      window.localStorage.setItem(probe, '1');
      window.localStorage.removeItem(probe);
      return window.localStorage;
    } catch (error) {
      return null;
    }
  }

  function loadLocalRecords() {
    var records = {};
    if (!storage) return records;
    for (var i = 0; i < storage.length; i++) {
      var key = storage.key(i);
      if (!key || key.indexOf(data.storagePrefix) !== 0) continue;
      try { records[key.slice(data.storagePrefix.length)] = JSON.parse(storage.getItem(key)); } catch (error) { /* not ours */ }
    }
    return records;
  }

  /** A stored record: a decision, or {decision: null} when the auditor cleared a decision the baseline made. */
  function storedRecord(fingerprint) {
    return Object.prototype.hasOwnProperty.call(localRecords, fingerprint) ? localRecords[fingerprint] : undefined;
  }

  function storeRecord(fingerprint, record) {
    localRecords[fingerprint] = record;
    if (!storage) return;
    try {
      storage.setItem(data.storagePrefix + fingerprint, JSON.stringify(record));
    } catch (error) {
      storage = null;
      showReviewStatus('Trình duyệt không cho lưu đánh giá; hãy xuất review.json trước khi đóng trang.');
    }
  }

  function storedFingerprints() {
    return Object.keys(localRecords);
  }

  /** The decision in force: the browser's own, else the baseline's; null when there is none. */
  function decisionOf(fingerprint) {
    var record = storedRecord(fingerprint);
    if (record !== undefined) return record.decision ? record : null;
    return baselineDecisions[fingerprint] || null;
  }

  function decide(fingerprint, decision, note) {
    var entry = findingIndex[fingerprint];
    storeRecord(fingerprint, {
      fingerprint: fingerprint,
      decision: decision,
      note: note,
      file: entry ? entry.report.file : undefined,
      rule: entry ? entry.finding.rule : undefined,
      decidedAt: new Date().toISOString(),
    });
  }

  function allDecisions() {
    var merged = {};
    Object.keys(baselineDecisions).forEach(function (fingerprint) { merged[fingerprint] = baselineDecisions[fingerprint]; });
    storedFingerprints().forEach(function (fingerprint) {
      var record = storedRecord(fingerprint);
      if (record === undefined) return;
      if (record.decision) merged[fingerprint] = record;
      else delete merged[fingerprint];
    });
    return Object.keys(merged).map(function (fingerprint) {
      var decision = merged[fingerprint];
      var entry = findingIndex[fingerprint];
      var out = { fingerprint: fingerprint, decision: decision.decision, note: decision.note || '' };
      var file = decision.file || (entry && entry.report.file);
      var rule = decision.rule || (entry && entry.finding.rule);
      if (file) out.file = file;
      if (rule) out.rule = rule;
      if (decision.decidedAt) out.decidedAt = decision.decidedAt;
      return out;
    }).sort(function (a, b) {
      return compareText(a.file || '', b.file || '') || compareText(a.rule || '', b.rule || '') || compareText(a.fingerprint, b.fingerprint);
    });
  }

  function exportReview() {
    var review = { tool: 'solieu', version: 1, exportedAt: new Date().toISOString(), decisions: allDecisions() };
    var blob = new Blob([JSON.stringify(review, null, 2) + '\n'], { type: 'application/json' });
    var url = URL.createObjectURL(blob);
    var link = el('a', { href: url, download: 'review.json' });
    document.body.appendChild(link);
    link.click();
    document.body.removeChild(link);
    setTimeout(function () { URL.revokeObjectURL(url); }, 10000);
    showReviewStatus('Đã xuất review.json với ' + formatCount(review.decisions.length) + ' quyết định.');
  }

  function importReview(file) {
    readFileText(file, function (text) {
      var review;
      try { review = JSON.parse(text.replace(/^\uFEFF/, '')); } catch (error) { review = null; }
      var valid = review && review.tool === 'solieu' && review.version === 1 && Array.isArray(review.decisions) &&
        review.decisions.every(function (decision) {
          return decision && typeof decision.fingerprint === 'string' && (decision.decision === 'confirmed' || decision.decision === 'dismissed');
        });
      if (!valid) {
        showReviewStatus('Tệp "' + file.name + '" không phải review.json của solieu (phiên bản 1); không nhập gì.');
        return;
      }
      review.decisions.forEach(function (decision) {
        storeRecord(decision.fingerprint, {
          fingerprint: decision.fingerprint,
          decision: decision.decision,
          note: typeof decision.note === 'string' ? decision.note : '',
          file: decision.file,
          rule: decision.rule,
          decidedAt: decision.decidedAt,
        });
      });
      showReviewStatus('Đã nhập ' + formatCount(review.decisions.length) + ' quyết định từ "' + file.name + '".');
      refresh();
    });
  }

  function readFileText(file, done) {
    if (file.text) { file.text().then(done); return; }
    var reader = new FileReader();
    reader.onload = function () { done(String(reader.result)); };
    reader.readAsText(file, 'utf-8');
  }

  function showReviewStatus(text) {
    document.getElementById('review-status').textContent = text;
  }

  // ---------------------------------------------------------------- helpers

  /** Builds an element; `attributes.text` becomes its text content. Never takes markup. */
  function el(tag, attributes, children) {
    var node = document.createElement(tag);
    if (attributes) {
      Object.keys(attributes).forEach(function (name) {
        var value = attributes[name];
        if (value === undefined || value === null || value === false) return;
        if (name === 'text') node.textContent = String(value);
        else if (name === 'className') node.className = value;
        else if (value === true) node.setAttribute(name, '');
        else node.setAttribute(name, String(value));
      });
    }
    (children || []).forEach(function (child) {
      if (child === undefined || child === null || child === false) return;
      node.appendChild(typeof child === 'string' ? document.createTextNode(child) : child);
    });
    return node;
  }

  function clear(node) {
    while (node.firstChild) node.removeChild(node.firstChild);
  }

  function makeNumberFormat() {
    try { return new Intl.NumberFormat('vi-VN'); } catch (error) { return null; }
  }

  function formatCount(value) {
    if (numberFormat) return numberFormat.format(value);
    return String(value).replace(/\B(?=(\d{3})+(?!\d))/g, '.');
  }

  function makeCollator() {
    try { return new Intl.Collator('vi', { numeric: true, sensitivity: 'base' }); } catch (error) { return null; }
  }

  function compareText(a, b) {
    if (collator) return collator.compare(a, b);
    return a < b ? -1 : a > b ? 1 : 0;
  }

  function formatTime(iso) {
    var date = new Date(iso);
    if (isNaN(date.getTime())) return iso;
    try {
      return date.toLocaleString('vi-VN', { hour: '2-digit', minute: '2-digit', day: '2-digit', month: '2-digit', year: 'numeric' });
    } catch (error) {
      return date.toISOString();
    }
  }

  /** Lower case without diacritics, so "giai xuan" finds "Giai Xuân". */
  function foldForSearch(text) {
    return String(text || '').normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/đ/g, 'd').replace(/Đ/g, 'D').toLowerCase();
  }

  function ruleLabel(rule) {
    return data.ruleLabels[rule] || rule;
  }

  function whereText(report, evidence) {
    var lines = evidence.endLine ? evidence.line + '–' + evidence.endLine : String(evidence.line);
    if (evidence.page !== undefined) return 'Trang ' + evidence.page + ', dòng ' + lines;
    if (report.format === 'docx') return 'Đoạn ' + lines;
    return 'Dòng ' + lines;
  }

  // ---------------------------------------------------------------- filters

  var filters = { severity: '', rule: '', unit: '', status: '', review: '', search: '' };
  var sort = { key: 'file', direction: 1 };
  var reportsShown = PAGE_SIZE_REPORTS;

  function findingFilterActive() {
    return filters.severity !== '' || filters.rule !== '' || filters.review !== '';
  }

  function findingMatches(finding) {
    if (filters.severity && finding.severity !== filters.severity) return false;
    if (filters.rule && finding.rule !== filters.rule) return false;
    if (filters.review) {
      var decision = decisionOf(finding.fingerprint);
      var state = decision ? decision.decision : 'open';
      if (state !== filters.review) return false;
    }
    return true;
  }

  function matchingFindings(report) {
    return report.findings.filter(findingMatches);
  }

  /** Errors first: the order an auditor works in. Within a severity, the order the checks reported. */
  function bySeverity(findings) {
    return findings.map(function (finding, index) { return { finding: finding, index: index }; }).sort(function (a, b) {
      return SEVERITY_ORDER.indexOf(a.finding.severity) - SEVERITY_ORDER.indexOf(b.finding.severity) || a.index - b.index;
    }).map(function (item) { return item.finding; });
  }

  function reportMatches(report) {
    if (filters.status && report.status !== filters.status) return false;
    if (filters.unit && report.unit !== filters.unit) return false;
    if (filters.search) {
      var haystack = foldForSearch([report.file, report.unit, report.province].join(' '));
      if (haystack.indexOf(foldForSearch(filters.search)) < 0) return false;
    }
    if (findingFilterActive() && matchingFindings(report).length === 0) return false;
    return true;
  }

  function reviewedCount(report) {
    return report.findings.filter(function (finding) { return decisionOf(finding.fingerprint) !== null; }).length;
  }

  var SORT_VALUE = {
    file: function (report) { return report.file; },
    unit: function (report) { return report.unit || ''; },
    period: function (report) { return report.period || ''; },
    status: function (report) { return STATUS_ORDER.indexOf(report.status); },
    error: function (report) { return report.counts.error; },
    warning: function (report) { return report.counts.warning; },
    info: function (report) { return report.counts.info; },
    suppressed: function (report) { return report.suppressed.length; },
    reviewed: function (report) { return reviewedCount(report); },
  };

  function visibleReports() {
    var value = SORT_VALUE[sort.key];
    return data.reports.filter(reportMatches).sort(function (a, b) {
      var x = value(a);
      var y = value(b);
      var order = typeof x === 'number' ? x - y : compareText(x, y);
      return order * sort.direction || a.id - b.id;
    });
  }

  function fillSelect(select, options) {
    clear(select);
    options.forEach(function (option) { select.appendChild(el('option', { value: option[0], text: option[1] })); });
  }

  function setUpFilters() {
    var severityOptions = [['', 'Tất cả']].concat(SEVERITY_ORDER.map(function (severity) { return [severity, SEVERITY_LABEL[severity]]; }));
    fillSelect(document.getElementById('filter-severity'), severityOptions);
    var ruleOptions = [['', 'Tất cả']].concat(Object.keys(data.ruleLabels).sort(function (a, b) {
      return compareText(ruleLabel(a), ruleLabel(b));
    }).map(function (rule) { return [rule, ruleLabel(rule) + ' (' + rule + ')']; }));
    fillSelect(document.getElementById('filter-rule'), ruleOptions);
    var units = [];
    data.reports.forEach(function (report) { if (report.unit && units.indexOf(report.unit) < 0) units.push(report.unit); });
    units.sort(compareText);
    fillSelect(document.getElementById('filter-unit'), [['', 'Tất cả']].concat(units.map(function (unit) { return [unit, unit]; })));
    var statuses = STATUS_ORDER.filter(function (status) { return data.reports.some(function (report) { return report.status === status; }); });
    fillSelect(document.getElementById('filter-status'), [['', 'Tất cả']].concat(statuses.map(function (status) { return [status, STATUS_LABEL[status]]; })));
    fillSelect(document.getElementById('filter-review'), Object.keys(REVIEW_FILTER_LABEL).map(function (key) { return [key, REVIEW_FILTER_LABEL[key]]; }));

    var form = document.getElementById('filters');
    form.addEventListener('submit', function (event) { event.preventDefault(); });
    form.addEventListener('input', readFilters);
    form.addEventListener('change', readFilters);
    form.addEventListener('reset', function () { setTimeout(readFilters, 0); });

    Array.prototype.forEach.call(document.querySelectorAll('#reports-table th[data-sort] button'), function (button) {
      button.addEventListener('click', function () {
        var key = button.parentNode.getAttribute('data-sort');
        if (sort.key === key) sort.direction = -sort.direction;
        else { sort.key = key; sort.direction = key === 'file' || key === 'unit' || key === 'period' ? 1 : -1; }
        renderOverviewRows();
      });
    });
    document.getElementById('reports-more').addEventListener('click', function () {
      reportsShown += PAGE_SIZE_REPORTS;
      renderOverviewRows();
    });
  }

  function readFilters() {
    filters.severity = document.getElementById('filter-severity').value;
    filters.rule = document.getElementById('filter-rule').value;
    filters.unit = document.getElementById('filter-unit').value;
    filters.status = document.getElementById('filter-status').value;
    filters.review = document.getElementById('filter-review').value;
    filters.search = document.getElementById('filter-search').value.trim();
    reportsShown = PAGE_SIZE_REPORTS;
    allFindingsShown = PAGE_SIZE_FINDINGS;
    renderOverviewRows();
    renderBatchFindings();
    renderAllFindings();
  }

  // ---------------------------------------------------------------- overview

  function renderRunInfo() {
    var parts = ['Tạo lúc ' + formatTime(data.generatedAt), 'solieu ' + data.toolVersion, 'bộ quy tắc ' + data.rulesVersion];
    if (data.review) parts.push('đã áp dụng tệp đánh giá (--baseline) với ' + formatCount(data.review.decisions.length) + ' quyết định');
    document.getElementById('run-info').textContent = parts.join(' · ');
  }

  function totalCard(className, value, label, parts) {
    return el('div', { className: 'total ' + className }, [
      el('span', { className: 'value', text: formatCount(value) }),
      el('span', { className: 'label', text: label }),
      parts ? el('span', { className: 'parts', text: parts }) : null,
    ]);
  }

  function renderTotals() {
    var byStatus = { ok: 0, 'needs-ocr': 0, failed: 0, skipped: 0 };
    var bySeverity = { error: 0, warning: 0, info: 0 };
    var suppressed = 0;
    var confirmed = 0;
    var dismissed = 0;
    var findings = 0;
    data.reports.forEach(function (report) {
      byStatus[report.status]++;
      suppressed += report.suppressed.length;
      report.findings.forEach(function (finding) {
        findings++;
        bySeverity[finding.severity]++;
        var decision = decisionOf(finding.fingerprint);
        if (decision && decision.decision === 'confirmed') confirmed++;
        if (decision && decision.decision === 'dismissed') dismissed++;
      });
    });
    data.batchFindings.forEach(function (finding) {
      findings++;
      bySeverity[finding.severity]++;
      var decision = decisionOf(finding.fingerprint);
      if (decision && decision.decision === 'confirmed') confirmed++;
      if (decision && decision.decision === 'dismissed') dismissed++;
    });
    suppressed += data.batchSuppressed.length;
    var statusParts = STATUS_ORDER.filter(function (status) { return byStatus[status] > 0; })
      .map(function (status) { return STATUS_COUNT_LABEL[status] + ' ' + formatCount(byStatus[status]); }).join(' · ');
    var totals = document.getElementById('totals');
    clear(totals);
    totals.appendChild(totalCard('files', data.reports.length, 'tệp trong đợt', statusParts));
    SEVERITY_ORDER.forEach(function (severity) {
      totals.appendChild(totalCard(severity, bySeverity[severity], 'phát hiện mức ' + SEVERITY_LABEL[severity].toLowerCase()));
    });
    totals.appendChild(totalCard('reviewed', confirmed + dismissed, 'đã xem xét / ' + formatCount(findings) + ' phát hiện',
      'xác nhận ' + formatCount(confirmed) + ' · bỏ qua ' + formatCount(dismissed)));
    if (data.review || suppressed > 0) {
      totals.appendChild(totalCard('suppressed', suppressed, 'đã loại theo review.json', 'không còn trong findings.csv'));
    }
  }

  function renderAttention() {
    var list = document.getElementById('attention-list');
    clear(list);
    var problems = data.reports.filter(function (report) { return report.status === 'failed' || report.status === 'needs-ocr'; });
    var skipped = data.reports.filter(function (report) { return report.status === 'skipped'; });
    document.getElementById('attention-title').textContent = 'Tệp cần xử lý (' + formatCount(problems.length + skipped.length) + ')';
    // Open while the list is short; a long list of failed files stays folded so the province overview comes first.
    document.getElementById('attention').open = problems.length + skipped.length <= 10;
    if (problems.length + skipped.length === 0) {
      list.appendChild(el('li', { className: 'empty', text: 'Mọi tệp đều đọc được: không có tệp lỗi, tệp cần OCR hay tệp bị bỏ qua.' }));
      return;
    }
    problems.concat(skipped).forEach(function (report) {
      list.appendChild(el('li', null, [
        el('div', null, [
          el('a', { href: '#bao-cao-' + report.id, text: report.file }), ' ',
          el('span', { className: 'status status-' + report.status, text: STATUS_LABEL[report.status] }),
        ]),
        el('div', { className: 'what', text: adviceFor(report) }),
      ]));
    });
  }

  /** What to do about a file that could not be read: the sentence of its fatal finding says it. */
  function adviceFor(report) {
    if (report.status === 'skipped') return SKIPPED_ADVICE;
    var all = report.findings.concat(report.suppressed);
    var fatal = report.findings.filter(function (finding) { return finding.fatal; })[0] || all[0];
    return fatal ? fatal.message : 'Không có hướng dẫn.';
  }

  function countCell(report, severity) {
    var value = report.counts[severity];
    return el('td', { className: 'num count-' + severity + (value > 0 ? ' nonzero' : ' zero'), text: formatCount(value) });
  }

  function renderOverviewRows() {
    var body = document.getElementById('reports-body');
    clear(body);
    var reports = visibleReports();
    Array.prototype.forEach.call(document.querySelectorAll('#reports-table th[data-sort]'), function (th) {
      if (th.getAttribute('data-sort') === sort.key) th.setAttribute('aria-sort', sort.direction > 0 ? 'ascending' : 'descending');
      else th.removeAttribute('aria-sort');
    });
    var filtering = findingFilterActive();
    reports.slice(0, reportsShown).forEach(function (report) {
      var total = report.findings.length;
      var matching = filtering ? matchingFindings(report).length : total;
      var linkText = total === 0 ? 'Xem chi tiết' : filtering ? 'Xem ' + formatCount(matching) + '/' + formatCount(total) + ' phát hiện' : 'Xem ' + formatCount(total) + ' phát hiện';
      var reviewed = reviewedCount(report);
      body.appendChild(el('tr', { 'data-file': report.file, 'data-report-id': report.id }, [
        el('td', { className: 'file', text: report.file }),
        el('td', { text: [report.unit, report.province].filter(Boolean).join(', ') || '—' }),
        el('td', { text: report.period || '—' }),
        el('td', null, [el('span', { className: 'status status-' + report.status, text: STATUS_LABEL[report.status] })]),
        countCell(report, 'error'),
        countCell(report, 'warning'),
        countCell(report, 'info'),
        el('td', { className: 'num' + (report.suppressed.length ? '' : ' zero'), 'data-column': 'suppressed', text: formatCount(report.suppressed.length) }),
        el('td', { className: 'num' + (reviewed ? '' : ' zero'), text: total ? formatCount(reviewed) + '/' + formatCount(total) : '—' }),
        el('td', null, [el('a', { href: '#bao-cao-' + report.id, className: 'open-report', text: linkText })]),
      ]));
    });
    if (reports.length === 0) {
      body.appendChild(el('tr', null, [el('td', { colspan: 10, className: 'empty-state', text: 'Không có báo cáo nào khớp bộ lọc.' })]));
    }
    var more = document.getElementById('reports-more');
    more.hidden = reports.length <= reportsShown;
    more.textContent = 'Hiện thêm (còn ' + formatCount(Math.max(0, reports.length - reportsShown)) + ' báo cáo)';
    document.getElementById('overview-count').textContent =
      'Đang hiện ' + formatCount(Math.min(reports.length, reportsShown)) + ' trong ' + formatCount(reports.length) +
      ' báo cáo khớp bộ lọc (tổng ' + formatCount(data.reports.length) + ' tệp). Bấm tiêu đề cột để sắp xếp.';
  }

  // ---------------------------------------------------------------- one report

  var currentReport = null;

  function renderReport(report, targetFingerprint) {
    currentReport = report;
    var view = document.getElementById('report-view');
    clear(view);
    var order = visibleReports();
    var position = order.indexOf(report);
    var previous = position > 0 ? order[position - 1] : null;
    var next = position >= 0 && position < order.length - 1 ? order[position + 1] : null;
    view.appendChild(el('nav', { className: 'report-nav', 'aria-label': 'Điều hướng' }, [
      el('a', { href: '#', text: '← Về tổng quan' }),
      previous ? el('a', { href: '#bao-cao-' + previous.id, text: '‹ Báo cáo trước' }) : null,
      next ? el('a', { href: '#bao-cao-' + next.id, text: 'Báo cáo sau ›' }) : null,
    ]));
    view.appendChild(el('h2', { className: 'report-title', text: report.file }));
    var meta = el('dl', { className: 'meta' });
    function row(label, value) {
      if (value === undefined || value === null || value === '') return;
      meta.appendChild(el('dt', { text: label }));
      meta.appendChild(typeof value === 'string' ? el('dd', { text: value }) : el('dd', null, [value]));
    }
    row('Đơn vị', report.unit);
    row('Tỉnh/thành', report.province);
    row('Kỳ báo cáo', report.period);
    row('Ngày báo cáo', report.reportDate);
    row('Loại văn bản', report.docType && DOC_TYPE_LABEL[report.docType]);
    row('Trạng thái', el('span', { className: 'status status-' + report.status, text: STATUS_LABEL[report.status] }));
    row('Số trang', report.pages !== undefined ? formatCount(report.pages) : undefined);
    row('Số liệu trích được', formatCount(report.figures));
    row('Tệp gốc', report.href ? el('a', { href: report.href, target: '_blank', rel: 'noopener', text: 'Mở tệp gốc' }) : undefined);
    view.appendChild(meta);

    var findings = bySeverity(matchingFindings(report));
    if (findingFilterActive() && findings.length < report.findings.length) {
      var showAll = el('button', { type: 'button', text: 'Hiện tất cả' });
      showAll.addEventListener('click', function () {
        document.getElementById('filters').reset();
        filters.severity = filters.rule = filters.review = filters.unit = filters.status = filters.search = '';
        renderOverviewRows();
        renderReport(report);
      });
      view.appendChild(el('p', { className: 'filter-note' }, [
        'Theo bộ lọc đang chọn: hiện ' + formatCount(findings.length) + ' trong ' + formatCount(report.findings.length) + ' phát hiện. ', showAll,
      ]));
    }
    var list = el('div', { className: 'findings' });
    view.appendChild(list);
    if (findings.length === 0) {
      list.appendChild(el('p', { className: 'empty-state', text: report.findings.length === 0 ? 'Không có phát hiện nào trong báo cáo này.' : 'Không có phát hiện nào khớp bộ lọc.' }));
    }
    var targetIndex = targetFingerprint ? findings.map(function (finding) { return finding.fingerprint; }).indexOf(targetFingerprint) : -1;
    var shown = Math.max(PAGE_SIZE_FINDINGS, targetIndex + 1);
    function appendFindings(from, to) {
      findings.slice(from, to).forEach(function (finding) { list.appendChild(findingCard(report, finding)); });
    }
    appendFindings(0, shown);
    if (findings.length > shown) {
      var more = el('button', { type: 'button', className: 'more' });
      var updateMore = function () { more.textContent = 'Hiện thêm (còn ' + formatCount(findings.length - shown) + ' phát hiện)'; };
      updateMore();
      more.addEventListener('click', function () {
        appendFindings(shown, shown + PAGE_SIZE_FINDINGS);
        shown += PAGE_SIZE_FINDINGS;
        if (shown >= findings.length) more.parentNode.removeChild(more);
        else updateMore();
      });
      view.appendChild(more);
    }
    if (report.suppressed.length > 0) view.appendChild(suppressedList(report));
  }

  function suppressedList(report) {
    var items = report.suppressed.map(function (finding) {
      return el('li', { 'data-fingerprint': finding.fingerprint }, [
        el('span', { className: 'badge sev-' + finding.severity, text: SEVERITY_LABEL[finding.severity] }), ' ',
        el('code', { text: finding.rule }), ' ', finding.message,
        el('div', { className: 'muted', text: 'Ghi chú: ' + (finding.note || '(không có)') + (finding.decidedAt ? ' · ' + formatTime(finding.decidedAt) : '') }),
      ]);
    });
    return el('details', { className: 'suppressed' }, [
      el('summary', { text: formatCount(report.suppressed.length) + ' phát hiện đã bị loại theo review.json (--baseline)' }),
      el('p', { className: 'muted', text: 'Các phát hiện này đã được đánh dấu “Bỏ qua”, không còn trong findings.csv; chúng vẫn có trong results.json (suppressedFindings). Muốn xem lại, hãy bỏ dòng tương ứng khỏi review.json rồi chạy lại.' }),
      el('ul', null, items),
    ]);
  }

  /** The quote as text nodes, the involved numbers in <mark>, the statement they belong to (when known) in a span. */
  function evidenceQuote(evidence) {
    var quote = el('blockquote', { className: 'quote' });
    var text = evidence.quote;
    var statement = evidence.statement;
    if (!statement) {
      appendMarked(quote, text, 0, text.length, evidence.marks);
      return quote;
    }
    appendMarked(quote, text, 0, statement[0], evidence.marks);
    var span = el('span', { className: 'statement' });
    appendMarked(span, text, statement[0], statement[1], evidence.marks);
    quote.appendChild(span);
    appendMarked(quote, text, statement[1], text.length, evidence.marks);
    return quote;
  }

  function appendMarked(parent, text, from, to, marks) {
    var position = from;
    marks.forEach(function (mark) {
      var start = Math.max(mark[0], position);
      var end = Math.min(mark[1], to);
      if (end <= start) return;
      if (start > position) parent.appendChild(document.createTextNode(text.slice(position, start)));
      parent.appendChild(el('mark', { text: text.slice(start, end) }));
      position = end;
    });
    if (position < to) parent.appendChild(document.createTextNode(text.slice(position, to)));
  }

  function findingCard(report, finding) {
    var decision = decisionOf(finding.fingerprint);
    var card = el('article', {
      className: 'finding severity-' + finding.severity + (decision ? ' is-' + decision.decision : ''),
      'data-fingerprint': finding.fingerprint,
      'data-rule': finding.rule,
      'data-decision': decision ? decision.decision : '',
    });
    card.appendChild(el('div', { className: 'finding-head' }, [
      el('span', { className: 'badge sev-' + finding.severity, text: SEVERITY_LABEL[finding.severity] }),
      el('span', { className: 'rule-name', text: ruleLabel(finding.rule) }),
      el('code', { text: finding.rule }),
      finding.files ? el('span', { className: 'badge batch', text: 'Giữa các báo cáo' }) : null,
      decision ? el('span', { className: 'badge decision-' + decision.decision, text: DECISION_LABEL[decision.decision] }) : null,
    ]));
    if (finding.files) card.className += ' batch-finding';
    card.appendChild(el('p', { className: 'message', text: finding.message }));
    if (finding.files) {
      card.appendChild(el('p', { className: 'files' }, ['Các báo cáo liên quan: '].concat(finding.files.map(function (ref) {
        return ref.reportId !== undefined ? el('a', { href: '#bao-cao-' + ref.reportId, text: ref.file }) : el('span', { text: ref.file });
      }))));
    }

    var numbers = el('dl', { className: 'numbers' });
    if (finding.values.length > 0) {
      numbers.appendChild(el('div', null, [
        el('dt', { text: 'Số liệu liên quan' }),
        el('dd', null, finding.values.map(function (value) { return el('span', { className: 'number', text: value }); })),
      ]));
    }
    if (finding.expected !== undefined) {
      numbers.appendChild(el('div', null, [
        el('dt', { text: 'Giá trị tính lại' }),
        el('dd', null, [el('span', { className: 'number expected', text: finding.expected })]),
      ]));
    }
    if (numbers.firstChild) card.appendChild(numbers);
    if (finding.why) card.appendChild(el('p', { className: 'why', text: 'Vì sao các số được đối chiếu: ' + finding.why }));

    if (finding.evidence.length > 0) {
      card.appendChild(el('ol', { className: 'evidence', 'aria-label': 'Trích dẫn từ báo cáo' }, finding.evidence.map(function (evidence) {
        var link = evidence.href
          ? el('a', { href: evidence.href, target: '_blank', rel: 'noopener', text: evidence.page !== undefined ? 'Mở PDF tại trang ' + evidence.page : 'Mở PDF' })
          : null;
        var from = evidence.file !== undefined ? (data.reports[evidence.reportId] || { file: evidence.file }) : report;
        return el('li', null, [
          evidence.file !== undefined ? el('span', { className: 'from-file', text: evidence.file }) : null,
          evidenceQuote(evidence), el('p', { className: 'where' }, [whereText(from, evidence), link]),
        ]);
      })));
    } else {
      card.appendChild(el('p', { className: 'muted', text: 'Không có trích dẫn: phát hiện này nói về cả tệp.' }));
    }
    card.appendChild(el('details', { className: 'tech' }, [
      el('summary', { text: 'Chi tiết kỹ thuật' }),
      finding.detail ? el('p', { text: finding.detail }) : null,
      el('p', null, ['Mã nhận diện (fingerprint): ', el('code', { text: finding.fingerprint })]),
    ]));
    card.appendChild(reviewControls(report, finding, decision));
    return card;
  }

  function reviewControls(report, finding, decision) {
    var note = el('textarea', { rows: 2, 'aria-label': 'Ghi chú cho phát hiện này', placeholder: 'Lý do xác nhận hoặc bỏ qua (không bắt buộc)' });
    note.value = decision ? decision.note || '' : '';
    var confirm = el('button', { type: 'button', className: 'confirm', 'data-action': 'confirm', 'aria-pressed': decision && decision.decision === 'confirmed' ? 'true' : 'false', text: 'Xác nhận' });
    var dismiss = el('button', { type: 'button', className: 'dismiss', 'data-action': 'dismiss', 'aria-pressed': decision && decision.decision === 'dismissed' ? 'true' : 'false', text: 'Bỏ qua' });
    var reset = el('button', { type: 'button', className: 'clear', 'data-action': 'clear', text: 'Bỏ đánh dấu', hidden: !decision });
    var state = el('p', { className: 'review-state', text: decisionText(decision) });
    function rerender() {
      var card = confirm.closest('article');
      card.parentNode.replaceChild(findingCard(report, finding), card);
      renderTotals();
    }
    confirm.addEventListener('click', function () { decide(finding.fingerprint, 'confirmed', note.value); rerender(); });
    dismiss.addEventListener('click', function () { decide(finding.fingerprint, 'dismissed', note.value); rerender(); });
    reset.addEventListener('click', function () { decide(finding.fingerprint, null, ''); rerender(); });
    note.addEventListener('change', function () {
      var current = decisionOf(finding.fingerprint);
      if (current) {
        decide(finding.fingerprint, current.decision, note.value);
        state.textContent = decisionText(decisionOf(finding.fingerprint));
      }
    });
    return el('div', { className: 'review' }, [
      el('label', null, ['Ghi chú của kiểm toán viên', note]),
      el('div', { className: 'buttons' }, [confirm, dismiss, reset]),
      state,
    ]);
  }

  function decisionText(decision) {
    if (!decision) return 'Chưa xem xét.';
    var text = DECISION_LABEL[decision.decision] + (decision.decidedAt ? ' lúc ' + formatTime(decision.decidedAt) : '');
    if (decision.decision === 'dismissed') text += ' — sẽ không còn trong findings.csv khi chạy lại với --baseline review.json.';
    else text += '.';
    if (!storedRecord(decision.fingerprint) && baselineDecisions[decision.fingerprint]) text += ' (theo review.json đã áp dụng)';
    return text;
  }


  // ---------------------------------------------------------------- province overview

  var SVG_NS = 'http://www.w3.org/2000/svg';
  var allFindingsShown = PAGE_SIZE_FINDINGS;

  /** An SVG element; `text` becomes its text content. Presentation attributes only: the CSP forbids inline styles. */
  function svg(tag, attributes, children) {
    var node = document.createElementNS(SVG_NS, tag);
    Object.keys(attributes || {}).forEach(function (name) {
      var value = attributes[name];
      if (value === undefined || value === null) return;
      if (name === 'text') node.textContent = String(value);
      else if (name === 'className') node.setAttribute('class', value);
      else node.setAttribute(name, String(value));
    });
    (children || []).forEach(function (child) { if (child) node.appendChild(child); });
    return node;
  }

  function formatDecimal(value) {
    var rounded = Math.round(value * 10) / 10;
    try { return new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 1 }).format(rounded); } catch (error) { return String(rounded).replace('.', ','); }
  }

  /** A finding across reports matches the filters when its check and severity do, and one of its reports does. */
  function batchFindingMatches(finding) {
    if (!findingMatches(finding)) return false;
    if (!filters.unit && !filters.status && !filters.search) return true;
    return finding.files.some(function (ref) {
      var report = data.reports[ref.reportId];
      return report ? reportMatchesIgnoringFindings(report) : false;
    }) || (filters.unit !== '' && finding.unit === filters.unit && !filters.status && !filters.search);
  }

  function reportMatchesIgnoringFindings(report) {
    if (filters.status && report.status !== filters.status) return false;
    if (filters.unit && report.unit !== filters.unit) return false;
    if (filters.search) {
      var haystack = foldForSearch([report.file, report.unit, report.province].join(' '));
      if (haystack.indexOf(foldForSearch(filters.search)) < 0) return false;
    }
    return true;
  }

  function renderBatchFindings() {
    var list = document.getElementById('batch-findings-list');
    clear(list);
    var findings = bySeverity(data.batchFindings.filter(batchFindingMatches));
    document.getElementById('batch-findings-title').textContent = 'Mâu thuẫn giữa các báo cáo (' + formatCount(findings.length) +
      (findings.length !== data.batchFindings.length ? '/' + formatCount(data.batchFindings.length) : '') + ')';
    if (findings.length === 0) {
      list.appendChild(el('p', { className: 'empty-state', text: data.batchFindings.length === 0 ? 'Không có mâu thuẫn nào giữa các báo cáo trong đợt này.' : 'Không có mâu thuẫn nào khớp bộ lọc.' }));
      return;
    }
    findings.forEach(function (finding) { list.appendChild(findingCard({ file: finding.file, id: finding.reportId }, finding)); });
  }

  /** Every finding of the batch as one list: across reports first, then each report's in batch order, errors first within. */
  function renderAllFindings() {
    var list = document.getElementById('all-findings-list');
    clear(list);
    var rows = bySeverity(data.batchFindings.filter(batchFindingMatches)).map(function (finding) { return { finding: finding, batch: true }; });
    visibleReports().slice().sort(function (a, b) { return a.id - b.id; }).forEach(function (report) {
      bySeverity(matchingFindings(report)).forEach(function (finding) { rows.push({ finding: finding, report: report }); });
    });
    var total = data.batchFindings.length + data.reports.reduce(function (sum, report) { return sum + report.findings.length; }, 0);
    document.getElementById('all-findings-count').textContent = 'Đang hiện ' + formatCount(Math.min(rows.length, allFindingsShown)) + ' trong ' +
      formatCount(rows.length) + ' phát hiện khớp bộ lọc (tổng ' + formatCount(total) + '); mâu thuẫn giữa các báo cáo đứng đầu.';
    rows.slice(0, allFindingsShown).forEach(function (row) {
      var finding = row.finding;
      var where = row.batch
        ? el('span', { className: 'where' }, [el('a', { href: '#phat-hien-' + finding.fingerprint, text: 'Giữa ' + formatCount(finding.files.length) + ' báo cáo' })])
        : el('span', { className: 'where' }, [el('a', { href: '#phat-hien-' + finding.fingerprint, text: row.report.file })]);
      list.appendChild(el('div', { className: 'finding-row', 'data-fingerprint': finding.fingerprint, 'data-rule': finding.rule, 'data-batch': row.batch ? 'yes' : 'no' }, [
        el('span', null, [el('span', { className: 'badge sev-' + finding.severity, text: SEVERITY_LABEL[finding.severity] })]),
        el('span', null, [el('span', { className: 'rule-name', text: ruleLabel(finding.rule) }), row.batch ? el('span', { className: 'badge batch', text: 'Giữa các báo cáo' }) : null]),
        el('span', null, [finding.message, ' ', where]),
      ]));
    });
    if (rows.length === 0) list.appendChild(el('p', { className: 'empty-state', text: 'Không có phát hiện nào khớp bộ lọc.' }));
    var more = document.getElementById('all-findings-more');
    more.hidden = rows.length <= allFindingsShown;
    more.textContent = 'Hiện thêm (còn ' + formatCount(Math.max(0, rows.length - allFindingsShown)) + ' phát hiện)';
  }

  function chartBody(id) {
    var body = document.querySelector('#' + id + ' .chart-body');
    clear(body);
    return body;
  }

  /** Horizontal bars: one row per item, `parts` stacked ([{value, className}]), its label left and its total right. */
  function barChart(items, options) {
    var rowHeight = 22;
    var labelWidth = options.labelWidth || 190;
    var width = 560;
    var plot = width - labelWidth - 60;
    var max = options.max || Math.max.apply(null, items.map(function (item) { return item.total; }).concat([1]));
    var height = items.length * rowHeight + 24;
    var root = svg('svg', { viewBox: '0 0 ' + width + ' ' + height, role: 'img', 'aria-label': options.label });
    items.forEach(function (item, index) {
      var y = index * rowHeight + 4;
      var x = labelWidth;
      root.appendChild(svg('text', { x: labelWidth - 6, y: y + 14, 'text-anchor': 'end', className: 'label', text: item.label }));
      item.parts.forEach(function (part) {
        var w = Math.max(part.value > 0 ? 1 : 0, (part.value / max) * plot);
        root.appendChild(svg('rect', { x: x, y: y + 2, width: w, height: rowHeight - 8, className: part.className, 'data-value': part.value }, [svg('title', { text: part.title || item.label })]));
        x += w;
      });
      root.appendChild(svg('text', { x: x + 5, y: y + 14, className: 'label muted', text: item.totalText }));
    });
    root.appendChild(svg('line', { x1: labelWidth, x2: labelWidth, y1: 0, y2: items.length * rowHeight + 4, className: 'axis' }));
    if (options.median !== undefined) {
      var mx = labelWidth + (options.median / max) * plot;
      root.appendChild(svg('line', { x1: mx, x2: mx, y1: 0, y2: items.length * rowHeight + 4, className: 'median' }));
      root.appendChild(svg('text', { x: mx, y: height - 4, 'text-anchor': 'middle', className: 'label muted', text: 'trung vị ' + formatDecimal(options.median) + (options.unit || '') }));
    }
    return root;
  }

  function renderChecksChart() {
    var body = chartBody('chart-checks');
    var counts = {};
    function count(finding) {
      counts[finding.rule] = counts[finding.rule] || { error: 0, warning: 0, info: 0 };
      counts[finding.rule][finding.severity]++;
    }
    data.batchFindings.forEach(count);
    data.reports.forEach(function (report) { report.findings.forEach(count); });
    var rules = Object.keys(counts).sort(function (a, b) {
      var ta = counts[a].error + counts[a].warning + counts[a].info;
      var tb = counts[b].error + counts[b].warning + counts[b].info;
      return tb - ta || compareText(a, b);
    });
    if (rules.length === 0) { body.appendChild(el('p', { className: 'empty-state', text: 'Không có phát hiện nào.' })); return; }
    body.appendChild(barChart(rules.map(function (rule) {
      var c = counts[rule];
      var total = c.error + c.warning + c.info;
      return {
        label: rule, total: total, totalText: formatCount(total),
        parts: SEVERITY_ORDER.map(function (severity) {
          return { value: c[severity], className: 'bar-' + severity, title: ruleLabel(rule) + ': ' + formatCount(c[severity]) + ' ' + SEVERITY_LABEL[severity].toLowerCase() };
        }),
      };
    }), { label: 'Số phát hiện theo loại kiểm tra', labelWidth: 200 }));
  }

  function rowsWithRate(rateId) {
    return data.province.rows.filter(function (row) { return row.rates[rateId] !== undefined; });
  }

  function outlierKeys() {
    var keys = {};
    data.batchFindings.forEach(function (finding) {
      if (finding.rule === 'peer-outlier' && finding.unit) keys[finding.unit + '|' + finding.period] = true;
    });
    return keys;
  }

  function fillRatePeriods() {
    var rateId = document.getElementById('rates-rate').value;
    var periods = {};
    rowsWithRate(rateId).forEach(function (row) {
      periods[row.period] = periods[row.period] || { label: row.periodLabel, count: 0, end: row.end || '', start: row.start || '' };
      periods[row.period].count++;
    });
    var keys = Object.keys(periods).sort(function (a, b) { return compareText(periods[a].end, periods[b].end) || compareText(periods[b].start, periods[a].start); });
    fillSelect(document.getElementById('rates-period'), keys.map(function (key) { return [key, periods[key].label + ' (' + periods[key].count + ' đơn vị)']; }));
    // The period with the most units, the latest of them: a month the province compares units in.
    var best = keys.slice().sort(function (a, b) { return periods[b].count - periods[a].count || compareText(periods[b].end, periods[a].end); })[0];
    if (best) document.getElementById('rates-period').value = best;
  }

  function renderRatesChart() {
    var body = chartBody('chart-rates');
    var rateId = document.getElementById('rates-rate').value;
    var period = document.getElementById('rates-period').value;
    var inPeriod = rowsWithRate(rateId).filter(function (row) { return row.period === period; });
    // Peers are units of one tier: the tier most units of the period are of (communes with communes).
    var tiers = {};
    inPeriod.forEach(function (row) { tiers[row.tier || ''] = (tiers[row.tier || ''] || 0) + 1; });
    var tier = Object.keys(tiers).sort(function (a, b) { return tiers[b] - tiers[a]; })[0];
    var rows = inPeriod.filter(function (row) { return (row.tier || '') === tier; });
    if (rows.length === 0) { body.appendChild(el('p', { className: 'empty-state', text: 'Không có đơn vị nào có đủ số liệu cho tỷ lệ này.' })); return; }
    var flagged = outlierKeys();
    var values = rows.map(function (row) { return row.rates[rateId]; }).sort(function (a, b) { return a - b; });
    var middle = Math.floor(values.length / 2);
    var median = values.length % 2 ? values[middle] : (values[middle - 1] + values[middle]) / 2;
    rows.sort(function (a, b) { return b.rates[rateId] - a.rates[rateId] || compareText(a.unit, b.unit); });
    var periodName = rows[0].periodLabel;
    body.appendChild(barChart(rows.map(function (row) {
      var value = row.rates[rateId];
      var outlier = flagged[row.unit + '|' + periodName];
      return {
        label: row.unit, total: value, totalText: formatDecimal(value) + '%' + (outlier ? ' — khác xa' : ''),
        parts: [{ value: value, className: 'bar' + (outlier ? ' outlier' : ''), title: row.unit + ': ' + formatDecimal(value) + '% (' + row.file + ')' }],
      };
    }), { label: 'Tỷ lệ theo đơn vị', max: 100, median: median, unit: '%' }));
  }

  function measureOptions() {
    return data.province.rates.map(function (rate) { return ['rate:' + rate.id, rate.label + ' (%)']; })
      .concat(data.province.metrics.map(function (metric) { return ['metric:' + metric.id, metric.label]; }));
  }

  function valueOf(row, measure) {
    var parts = measure.split(':');
    return parts[0] === 'rate' ? row.rates[parts[1]] : row.values[parts[1]];
  }

  function renderSeriesChart() {
    var body = chartBody('chart-series');
    var unit = document.getElementById('series-unit').value;
    var measure = document.getElementById('series-measure').value;
    var rows = data.province.rows.filter(function (row) { return row.unit === unit && valueOf(row, measure) !== undefined; });
    // One length of period at a time: a quarter's count beside its months would read as a jump.
    var byLength = {};
    rows.forEach(function (row) { var key = (row.start || '') && (row.end || '') ? monthsBetween(row.start, row.end) : 0; (byLength[key] = byLength[key] || []).push(row); });
    var lengths = Object.keys(byLength).sort(function (a, b) { return byLength[b].length - byLength[a].length || Number(a) - Number(b); });
    rows = lengths.length ? byLength[lengths[0]] : [];
    rows.sort(function (a, b) { return compareText(a.end || '', b.end || ''); });
    if (rows.length === 0) { body.appendChild(el('p', { className: 'empty-state', text: 'Đơn vị này không có số liệu cho chỉ tiêu đã chọn.' })); return; }
    // A point a finding across reports is about: its period, or the later day of a running total that fell.
    var flaggedAt = function (row) {
      return data.batchFindings.some(function (finding) {
        if (finding.unit !== unit || !finding.periodKey) return false;
        if (finding.periodKey === row.period) return true;
        var days = finding.periodKey.split('/');
        return days.length === 2 && days[1] === row.end && ('metric:' + finding.metric === measure);
      });
    };
    var width = 560;
    var height = 230;
    var left = 64;
    var right = 44;
    var top = 16;
    var bottom = 40;
    var values = rows.map(function (row) { return valueOf(row, measure); });
    var min = Math.min.apply(null, values);
    var max = Math.max.apply(null, values);
    if (min === max) { min = min * 0.9; max = max * 1.1 || 1; }
    var pad = (max - min) * 0.15;
    min = Math.max(0, min - pad);
    max = max + pad;
    var x = function (index) { return left + (rows.length === 1 ? (width - left - right) / 2 : (index * (width - left - right)) / (rows.length - 1)); };
    var y = function (value) { return top + (1 - (value - min) / (max - min)) * (height - top - bottom); };
    var root = svg('svg', { viewBox: '0 0 ' + width + ' ' + height, role: 'img', 'aria-label': 'Diễn biến của ' + unit });
    root.appendChild(svg('line', { x1: left, x2: width - right, y1: height - bottom, y2: height - bottom, className: 'axis' }));
    [min, (min + max) / 2, max].forEach(function (tick) {
      root.appendChild(svg('text', { x: left - 6, y: y(tick) + 4, 'text-anchor': 'end', className: 'label muted', text: formatDecimal(tick) }));
      root.appendChild(svg('line', { x1: left, x2: width - right, y1: y(tick), y2: y(tick), className: 'axis' }));
    });
    var path = rows.map(function (row, index) { return (index === 0 ? 'M' : 'L') + x(index).toFixed(1) + ' ' + y(valueOf(row, measure)).toFixed(1); }).join(' ');
    root.appendChild(svg('path', { d: path, className: 'line' }));
    rows.forEach(function (row, index) {
      var value = valueOf(row, measure);
      var flagged = flaggedAt(row);
      root.appendChild(svg('circle', { cx: x(index), cy: y(value), r: 4.5, className: 'dot' + (flagged ? ' flagged' : '') + (row.source === 'rollup' ? ' rollup' : '') }, [
        svg('title', { text: row.periodLabel + ': ' + formatDecimal(value) + ' (' + row.file + ')' }),
      ]));
      root.appendChild(svg('text', { x: x(index), y: y(value) - 8, 'text-anchor': 'middle', className: 'label', text: formatDecimal(value) }));
      root.appendChild(svg('text', { x: x(index), y: height - bottom + 16, 'text-anchor': 'middle', className: 'label muted', text: row.periodLabel }));
    });
    body.appendChild(root);
  }

  function monthsBetween(start, end) {
    return (Number(end.slice(0, 4)) - Number(start.slice(0, 4))) * 12 + Number(end.slice(5, 7)) - Number(start.slice(5, 7)) + 1;
  }

  function setUpProvince() {
    var rates = data.province.rates.filter(function (rate) { return rowsWithRate(rate.id).length > 0; });
    fillSelect(document.getElementById('rates-rate'), rates.map(function (rate) { return [rate.id, rate.label]; }));
    fillRatePeriods();
    document.getElementById('rates-rate').addEventListener('change', function () { fillRatePeriods(); renderRatesChart(); });
    document.getElementById('rates-period').addEventListener('change', renderRatesChart);
    var units = [];
    var counts = {};
    data.province.rows.forEach(function (row) { counts[row.unit] = (counts[row.unit] || 0) + 1; if (units.indexOf(row.unit) < 0) units.push(row.unit); });
    // The unit with a finding across reports first, then by name: the series an auditor opens the page for.
    var flaggedUnits = data.batchFindings.map(function (finding) { return finding.unit; });
    units.sort(function (a, b) { return (flaggedUnits.indexOf(a) < 0) - (flaggedUnits.indexOf(b) < 0) || compareText(a, b); });
    fillSelect(document.getElementById('series-unit'), units.map(function (unit) { return [unit, unit + ' (' + counts[unit] + ' kỳ)']; }));
    fillSelect(document.getElementById('series-measure'), measureOptions());
    var firstFlag = data.batchFindings.filter(function (finding) { return finding.rule === 'cumulative-decrease' && finding.metric; })[0];
    // Opened on the first running total that fell, when the page has at least two points of it to draw.
    var pointsOf = function (unit, measure) { return data.province.rows.filter(function (row) { return row.unit === unit && valueOf(row, measure) !== undefined; }).length; };
    if (firstFlag && units.indexOf(firstFlag.unit) >= 0 && pointsOf(firstFlag.unit, 'metric:' + firstFlag.metric) >= 2) {
      document.getElementById('series-unit').value = firstFlag.unit;
      if (data.province.metrics.some(function (metric) { return metric.id === firstFlag.metric; })) document.getElementById('series-measure').value = 'metric:' + firstFlag.metric;
    }
    document.getElementById('series-unit').addEventListener('change', renderSeriesChart);
    document.getElementById('series-measure').addEventListener('change', renderSeriesChart);
    document.getElementById('all-findings-more').addEventListener('click', function () {
      allFindingsShown += PAGE_SIZE_FINDINGS;
      renderAllFindings();
    });
    renderChecksChart();
    renderRatesChart();
    renderSeriesChart();
    renderBatchFindings();
    renderAllFindings();
  }

  // ---------------------------------------------------------------- routing

  function route() {
    var hash = decodeURIComponent(window.location.hash.replace(/^#/, ''));
    var overview = document.getElementById('overview');
    var view = document.getElementById('report-view');
    var report = null;
    var target = null;
    var match = /^bao-cao-(\d+)$/.exec(hash);
    if (match) report = data.reports[Number(match[1])] || null;
    match = /^phat-hien-(.+)$/.exec(hash);
    if (match && findingIndex[match[1]] && findingIndex[match[1]].batch) {
      currentReport = null;
      view.hidden = true;
      overview.hidden = false;
      renderOverviewRows();
      var batchCard = document.querySelector('#batch-findings-list article[data-fingerprint="' + match[1] + '"]');
      if (batchCard) { batchCard.classList.add('is-target'); batchCard.scrollIntoView(); }
      return;
    }
    if (match && findingIndex[match[1]]) {
      report = findingIndex[match[1]].report;
      target = match[1];
    }
    if (!report) {
      currentReport = null;
      view.hidden = true;
      overview.hidden = false;
      renderOverviewRows();
      return;
    }
    overview.hidden = true;
    view.hidden = false;
    renderReport(report, target);
    var card = target ? view.querySelector('article[data-fingerprint="' + target + '"]') : null;
    if (card) {
      card.classList.add('is-target');
      card.scrollIntoView();
    } else {
      window.scrollTo(0, 0);
    }
  }

  function refresh() {
    renderTotals();
    renderBatchFindings();
    renderAllFindings();
    if (currentReport) renderReport(currentReport);
    else renderOverviewRows();
  }

  renderRunInfo();
  renderTotals();
  renderAttention();
  setUpFilters();
  setUpProvince();
  document.getElementById('export-review').addEventListener('click', exportReview);
  document.getElementById('import-review').addEventListener('change', function (event) {
    var file = event.target.files && event.target.files[0];
    if (file) importReview(file);
    event.target.value = '';
  });
  if (!storage) showReviewStatus('Trình duyệt này không cho trang lưu đánh giá; hãy xuất review.json trước khi đóng trang.');
  window.addEventListener('hashchange', route);
  route();
})();
