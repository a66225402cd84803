import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { DocumentResult } from '../model/index.ts';
import { buildPageData, type PageDataOptions } from './html/page-data.ts';
import { projectFile } from '../project-root.ts';

/**
 * report.html: the auditors' page. One self-contained file (inline CSS and JS, no network) that opens from
 * file:// in Chromium, Firefox and Edge. The markup here holds only the page's own Vietnamese labels; every
 * piece of text from a report travels as JSON in a data block and is put on the page by the script as text
 * nodes (src/report/html/client.js), never as markup.
 */

export type ReportHtmlOptions = PageDataOptions;

/** Everything from a report is text, never markup. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => `&#${character.charCodeAt(0)};`);
}

/**
 * JSON that can sit inside `<script type="application/json">`: a report quoting `</script>` or `<!--` must not
 * end the block or switch the parser into its script-escape states, so `<`, `>` and `&` become \u escapes
 * (JSON.parse reads them back unchanged); U+2028/2029 likewise, for old JavaScript parsers.
 */
export function jsonForScriptBlock(value: unknown): string {
  return JSON.stringify(value).replace(/[<>&\u2028\u2029]/g, (character) => `\\u${character.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

let assets: { style: string; script: string } | undefined;

/** The page's CSS and JS are real files in src/report/html/ (so editors and linters see them); read once. */
function pageAssets(): { style: string; script: string } {
  assets ??= {
    style: readFileSync(projectFile('src', 'report', 'html', 'style.css'), 'utf8'),
    script: readFileSync(projectFile('src', 'report', 'html', 'client.js'), 'utf8'),
  };
  return assets;
}

function cspHash(content: string): string {
  return `'sha256-${createHash('sha256').update(content, 'utf8').digest('base64')}'`;
}

/** The page of a whole batch; the findings across its reports are computed here as `solieu run` computes them. */
export function reportHtml(documents: readonly DocumentResult[], generatedAt: Date, options: ReportHtmlOptions = {}): string {
  const { before, after } = reportHtmlShell();
  return `${before}${jsonForScriptBlock(buildPageData(documents, generatedAt, options))}${after}`;
}

let shell: { before: string; after: string } | undefined;

/** The page around its data block: the data (jsonForScriptBlock of the PageData) goes between the two halves. */
export function reportHtmlShell(): { before: string; after: string } {
  shell ??= buildShell();
  return shell;
}

const DATA_PLACEHOLDER = '\u0000solieu-data\u0000';

function buildShell(): { before: string; after: string } {
  const { style, script } = pageAssets();
  // Only this page's own style and script may run, and nothing may be fetched: even if a report's text ever
  // reached the markup, the browser would refuse to run it or to contact anything.
  const policy = [
    "default-src 'none'",
    `script-src ${cspHash(script)}`,
    `style-src ${cspHash(style)}`,
    'img-src data:',
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
  const page = `<!doctype html>
<html lang="vi">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${escapeHtml(policy)}">
<meta name="referrer" content="no-referrer">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Kết quả kiểm tra số liệu Đề án 06 — solieu</title>
<style>${style}</style>
</head>
<body>
<header class="page-header">
  <h1>Kết quả kiểm tra số liệu Đề án 06</h1>
  <p id="run-info" class="muted"></p>
</header>
<noscript><p class="notice">Trang này cần JavaScript để hiển thị kết quả. Hãy bật JavaScript, hoặc mở reports.csv và findings.csv bằng Excel.</p></noscript>
<main>
  <section class="review-tools" aria-labelledby="review-tools-title">
    <h2 id="review-tools-title">Đánh giá của kiểm toán viên</h2>
    <div class="buttons">
      <button type="button" id="export-review">Xuất review.json</button>
      <label class="file-button">Nhập review.json <input type="file" id="import-review" accept=".json,application/json"></label>
    </div>
    <p class="muted">Đánh dấu “Xác nhận” / “Bỏ qua” được lưu trong trình duyệt này. Xuất <code>review.json</code> để lưu lại hoặc chuyển
      cho người khác; <code>solieu run --baseline review.json</code> loại các phát hiện đã bỏ qua khỏi findings.csv.</p>
    <p id="review-status" role="status" class="muted"></p>
  </section>
<section id="overview" aria-labelledby="overview-title">
  <h2 id="overview-title" class="visually-hidden">Tổng quan</h2>
  <div id="totals" class="totals"></div>
  <details id="attention" class="attention">
    <summary><h2 id="attention-title">Tệp cần xử lý</h2></summary>
    <ul id="attention-list"></ul>
  </details>
  <section id="province" class="province" aria-labelledby="province-title">
    <h2 id="province-title">Tổng quan toàn tỉnh</h2>
    <div class="charts">
      <figure id="chart-checks" class="chart">
        <figcaption>Phát hiện theo loại kiểm tra</figcaption>
        <div class="chart-body"></div>
      </figure>
      <figure id="chart-rates" class="chart">
        <figcaption>Tỷ lệ theo đơn vị
          <label>Chỉ tiêu <select id="rates-rate"></select></label>
          <label>Kỳ <select id="rates-period"></select></label>
        </figcaption>
        <div class="chart-body"></div>
      </figure>
      <figure id="chart-series" class="chart">
        <figcaption>Diễn biến của một đơn vị qua các kỳ
          <label>Đơn vị <select id="series-unit"></select></label>
          <label>Chỉ tiêu <select id="series-measure"></select></label>
        </figcaption>
        <div class="chart-body"></div>
      </figure>
    </div>
    <section id="batch-findings" aria-labelledby="batch-findings-title">
      <h3 id="batch-findings-title">Mâu thuẫn giữa các báo cáo</h3>
      <div id="batch-findings-list" class="findings"></div>
    </section>
  </section>
  <form id="filters" class="filters" aria-label="Bộ lọc">
    <label>Mức độ <select id="filter-severity" name="severity"></select></label>
    <label>Loại kiểm tra <select id="filter-rule" name="rule"></select></label>
    <label>Đơn vị <select id="filter-unit" name="unit"></select></label>
    <label>Trạng thái tệp <select id="filter-status" name="status"></select></label>
    <label>Đánh giá <select id="filter-review" name="review"></select></label>
    <label>Tìm tệp/đơn vị <input type="search" id="filter-search" name="search" placeholder="ví dụ: giai xuan"></label>
    <button type="reset" id="filter-reset">Bỏ lọc</button>
  </form>
  <p id="overview-count" class="muted" role="status"></p>
  <table id="reports-table" class="reports">
    <thead><tr>
      <th scope="col" data-sort="file"><button type="button">Tệp</button></th>
      <th scope="col" data-sort="unit"><button type="button">Đơn vị</button></th>
      <th scope="col" data-sort="period"><button type="button">Kỳ báo cáo</button></th>
      <th scope="col" data-sort="status"><button type="button">Trạng thái</button></th>
      <th scope="col" data-sort="error" class="num"><button type="button">Lỗi</button></th>
      <th scope="col" data-sort="warning" class="num"><button type="button">Cảnh báo</button></th>
      <th scope="col" data-sort="info" class="num"><button type="button">Thông tin</button></th>
      <th scope="col" data-sort="suppressed" class="num"><button type="button">Đã loại</button></th>
      <th scope="col" data-sort="reviewed" class="num"><button type="button">Đã xem xét</button></th>
      <th scope="col">Phát hiện</th>
    </tr></thead>
    <tbody id="reports-body"></tbody>
  </table>
  <p id="reports-more-wrap"><button type="button" id="reports-more" hidden>Hiện thêm</button></p>
  <section id="all-findings" aria-labelledby="all-findings-title">
    <h2 id="all-findings-title">Tất cả phát hiện trong đợt</h2>
    <p id="all-findings-count" class="muted" role="status"></p>
    <div id="all-findings-list" class="findings"></div>
    <p><button type="button" id="all-findings-more" hidden>Hiện thêm</button></p>
  </section>
</section>
<section id="report-view" hidden aria-live="polite"></section>
</main>
<script type="application/json" id="solieu-data">${DATA_PLACEHOLDER}</script>
<script>${script}</script>
</body>
</html>
`;
  const at = page.indexOf(DATA_PLACEHOLDER);
  return { before: page.slice(0, at), after: page.slice(at + DATA_PLACEHOLDER.length) };
}
