// LeadFlow console: draws the report endpoints. Every call carries the API key the user pasted
// in, kept in sessionStorage (this tab only, gone when it closes). Data is written with
// textContent only, never as HTML.
'use strict';

const KEY = 'leadflow.apiKey';
const SVG = 'http://www.w3.org/2000/svg';
const REFRESH_MS = 30000;

const $ = (id) => document.getElementById(id);
let refreshTimer = null;
let waiting = [];

document.addEventListener('DOMContentLoaded', () => {
  $('key-form').addEventListener('submit', (event) => {
    event.preventDefault();
    sessionStorage.setItem(KEY, $('api-key').value.trim());
    $('api-key').value = '';
    load();
  });
  $('forget-key').addEventListener('click', () => signOut(''));
  $('period').addEventListener('change', load);
  setInterval(tick, 1000);
  if (sessionStorage.getItem(KEY)) {
    load();
  }
});

async function load() {
  const key = sessionStorage.getItem(KEY);
  if (!key) {
    return;
  }
  const days = Number($('period').value);
  const to = new Date();
  const from = new Date(to.getTime() - days * 24 * 3600 * 1000);
  const period = `?from=${from.toISOString()}&to=${to.toISOString()}`;
  try {
    const [speed, funnel, routing, awaiting] = await Promise.all([
      call(`/api/v1/reports/speed-to-lead${period}`, key),
      call(`/api/v1/reports/funnel${period}`, key),
      call(`/api/v1/reports/routing-health${period}`, key),
      call('/api/v1/reports/awaiting-ack', key),
    ]);
    $('message').textContent = '';
    $('key-form').hidden = true;
    $('controls').hidden = false;
    $('reports').hidden = false;
    renderSpeed(speed);
    renderFunnel(funnel);
    renderRouting(routing);
    waiting = awaiting;
    renderWaiting();
    $('updated').textContent = `updated ${new Date().toLocaleTimeString()}`;
    clearTimeout(refreshTimer);
    refreshTimer = setTimeout(load, REFRESH_MS);
  } catch (problem) {
    if (problem.status === 401 || problem.status === 403) {
      signOut(problem.message);
    } else {
      $('message').textContent = problem.message;
      clearTimeout(refreshTimer);
      refreshTimer = setTimeout(load, REFRESH_MS);
    }
  }
}

async function call(path, key) {
  let response;
  try {
    response = await fetch(path, { headers: { Authorization: `Bearer ${key}`, Accept: 'application/json' } });
  } catch (unreachable) {
    throw { status: 0, message: 'The API cannot be reached; retrying.' };
  }
  if (!response.ok) {
    let detail = `${response.status} ${response.statusText}`;
    try {
      const problem = await response.json();
      detail = problem.detail || problem.title || detail;
    } catch (notJson) {
      // keep the status line
    }
    const hint = response.status === 403 ? ' The console needs a MANAGER or ADMIN key.' : '';
    throw { status: response.status, message: `${detail}${hint}` };
  }
  return response.json();
}

function signOut(message) {
  sessionStorage.removeItem(KEY);
  clearTimeout(refreshTimer);
  $('reports').hidden = true;
  $('controls').hidden = true;
  $('key-form').hidden = false;
  $('message').textContent = message;
}

// ---- speed to lead ----

function renderSpeed(report) {
  const all = report.overall;
  tiles($('speed-tiles'), [
    [duration(all.firstTouch.medianSeconds), 'median to first touch'],
    [duration(all.firstTouch.p90Seconds), 'p90 to first touch'],
    [duration(all.acknowledgement.medianSeconds), 'median to acknowledgement'],
    [duration(all.acknowledgement.p90Seconds), 'p90 to acknowledgement'],
    [percent(all.sla.compliancePercent), `SLA met (${all.sla.met} of ${all.sla.met + all.sla.missed})`],
    [String(all.leads), 'leads captured'],
  ]);
  histogram($('speed-chart'), report.distribution);
  const body = $('speed-by-source').tBodies[0];
  body.replaceChildren();
  for (const row of report.bySource) {
    addRow(body, [
      row.group,
      String(row.leads),
      `${duration(row.firstTouch.medianSeconds)} / ${duration(row.firstTouch.p90Seconds)}`,
      `${duration(row.acknowledgement.medianSeconds)} / ${duration(row.acknowledgement.p90Seconds)}`,
      percent(row.sla.compliancePercent),
    ]);
  }
  if (report.bySource.length === 0) {
    addRow(body, ['no leads in this period']).className = 'empty';
  }
}

/** Two bars per delay bucket: first touch and acknowledgement. */
function histogram(container, buckets) {
  const width = 520;
  const height = 180;
  const bottom = 34;
  const max = Math.max(1, ...buckets.map((b) => Math.max(b.firstTouch, b.acknowledgement)));
  const slot = width / buckets.length;
  const svg = chart(container, width, height, 'Leads per delay bucket');
  const base = height - bottom;
  const scale = (base - 16) / max;
  const half = (slot - 10) / 2;
  buckets.forEach((bucket, i) => {
    const x = i * slot + 4;
    bar(svg, 'first-touch', x, base - bucket.firstTouch * scale, half, bucket.firstTouch * scale,
      `${bucket.firstTouch} first touches ${bucketLabel(bucket)}`);
    bar(svg, 'acknowledgement', x + half, base - bucket.acknowledgement * scale, half, bucket.acknowledgement * scale,
      `${bucket.acknowledgement} acknowledgements ${bucketLabel(bucket)}`);
    text(svg, x + half, base + 14, bucketLabel(bucket), 'middle');
  });
  legend(svg, 0, height - 6, [['first-touch', 'first touch'], ['acknowledgement', 'acknowledgement']]);
}

function bucketLabel(bucket) {
  return bucket.toSeconds === null ? `≥ ${duration(bucket.fromSeconds)}` : `< ${duration(bucket.toSeconds)}`;
}

// ---- funnel ----

function renderFunnel(report) {
  const all = report.overall;
  horizontalBars($('funnel-chart'), [
    ['captured', all.captured, 'stage'],
    ['contacted', all.contacted, 'stage'],
    ['engaged', all.engaged, 'stage'],
    ['meeting booked', all.meetingBooked, 'stage'],
    ['disqualified', all.disqualified, 'exit'],
    ['nurture', all.nurture, 'exit'],
    ['opted out', all.optedOut, 'exit'],
  ], (value) => `${value} (${percent(all.captured ? 100 * value / all.captured : null)})`, all.captured);
  const steps = report.bySteps;
  horizontalBars($('steps-chart'), steps.map((s) => [s.step, s.replies, 'replies']),
    (value, i) => `${value} / ${steps[i].touched} (${percent(steps[i].replyPercent)})`,
    Math.max(1, ...steps.map((s) => s.replies)));
}

function horizontalBars(container, rows, label, max) {
  const width = 520;
  const line = 22;
  const left = 110;
  const svg = chart(container, width, Math.max(1, rows.length) * line + 4, 'Bar chart');
  if (rows.length === 0) {
    text(svg, 4, 16, 'no data in this period', 'start');
    return;
  }
  rows.forEach(([name, value, kind], i) => {
    const y = i * line + 2;
    text(svg, left - 6, y + 14, name, 'end');
    const length = max ? value / max * (width - left - 150) : 0;
    bar(svg, kind, left, y + 2, length, line - 6, `${name}: ${label(value, i)}`);
    text(svg, left + length + 6, y + 14, label(value, i), 'start');
  });
}

// ---- routing ----

function renderRouting(report) {
  const all = report.overall;
  tiles($('routing-tiles'), [
    [percent(all.escalationPercent), `escalated (${all.escalated} of ${all.routed} routed)`],
    [percent(all.reassignmentPercent), `changed owner (${all.reassigned})`],
    [String(report.awaitingAckNow), 'waiting for ack now'],
    [String(report.stuckLeadsNow), 'stuck behind a failing step'],
  ]);
}

// ---- waiting for acknowledgement, with a live countdown ----

function renderWaiting() {
  const body = $('waiting-table').tBodies[0];
  body.replaceChildren();
  for (const lead of waiting) {
    const row = addRow(body, [
      lead.leadId,
      lead.source,
      lead.tier || '',
      lead.assignedRep + (lead.escalated ? ' (escalated)' : ''),
      new Date(lead.capturedAt).toLocaleString(),
      '',
    ]);
    row.dataset.leadId = lead.leadId;
    row.cells[0].className = 'lead';
    row.cells[0].title = `Temporal workflow ${lead.workflowId}`;
    row.cells[5].className = 'countdown';
    row.cells[5].dataset.deadline = lead.ackDeadline || '';
  }
  if (waiting.length === 0) {
    addRow(body, ['nobody is waiting']).className = 'empty';
  }
  tick();
}

function tick() {
  for (const cell of document.querySelectorAll('#waiting-table td.countdown')) {
    if (!cell.dataset.deadline) {
      cell.textContent = 'unknown';
      cell.title = 'The workflow did not answer: see docs/operations.md';
      continue;
    }
    const left = Math.round((Date.parse(cell.dataset.deadline) - Date.now()) / 1000);
    cell.textContent = left >= 0 ? clock(left) : `overdue ${clock(-left)}`;
    cell.classList.toggle('overdue', left < 0);
    cell.classList.toggle('soon', left >= 0 && left < 60);
  }
}

// ---- drawing helpers ----

function chart(container, width, height, title) {
  container.replaceChildren();
  const svg = document.createElementNS(SVG, 'svg');
  svg.setAttribute('viewBox', `0 0 ${width} ${height}`);
  svg.setAttribute('width', '100%');
  svg.setAttribute('role', 'img');
  const label = document.createElementNS(SVG, 'title');
  label.textContent = title;
  svg.appendChild(label);
  container.appendChild(svg);
  return svg;
}

/** A rectangle from its top-left corner, with a tooltip. */
function bar(svg, kind, x, y, width, height, tip) {
  const rect = document.createElementNS(SVG, 'rect');
  rect.setAttribute('x', x);
  rect.setAttribute('y', y);
  rect.setAttribute('width', Math.max(width, 0));
  rect.setAttribute('height', Math.max(height, 0));
  rect.setAttribute('class', kind);
  const title = document.createElementNS(SVG, 'title');
  title.textContent = tip;
  rect.appendChild(title);
  svg.appendChild(rect);
}

function text(svg, x, y, content, anchor) {
  const node = document.createElementNS(SVG, 'text');
  node.setAttribute('x', x);
  node.setAttribute('y', y);
  node.setAttribute('text-anchor', anchor);
  node.textContent = content;
  svg.appendChild(node);
}

function legend(svg, x, y, entries) {
  entries.forEach(([kind, name], i) => {
    const rect = document.createElementNS(SVG, 'rect');
    rect.setAttribute('x', x + i * 130);
    rect.setAttribute('y', y - 9);
    rect.setAttribute('width', 10);
    rect.setAttribute('height', 10);
    rect.setAttribute('class', `${kind} legend`);
    svg.appendChild(rect);
    text(svg, x + i * 130 + 14, y, name, 'start');
  });
}

function tiles(container, entries) {
  container.replaceChildren();
  for (const [value, label] of entries) {
    const tile = document.createElement('div');
    tile.className = 'tile';
    const b = document.createElement('b');
    b.textContent = value;
    const span = document.createElement('span');
    span.textContent = label;
    tile.append(b, span);
    container.appendChild(tile);
  }
}

function addRow(body, cells) {
  const row = body.insertRow();
  for (const content of cells) {
    row.insertCell().textContent = content;
  }
  return row;
}

function duration(seconds) {
  if (seconds === null || seconds === undefined) {
    return '–';
  }
  if (seconds < 60) {
    return `${Number(seconds.toFixed(1))} s`;
  }
  if (seconds < 3600) {
    return `${Number((seconds / 60).toFixed(1))} min`;
  }
  if (seconds < 86400) {
    return `${Number((seconds / 3600).toFixed(1))} h`;
  }
  return `${Number((seconds / 86400).toFixed(1))} d`;
}

function percent(value) {
  return value === null || value === undefined ? '–' : `${Number(value.toFixed(1))} %`;
}

function clock(seconds) {
  const minutes = Math.floor(seconds / 60);
  return `${minutes}:${String(seconds % 60).padStart(2, '0')}`;
}
