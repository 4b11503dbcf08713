/*
 * The timeline of a search's histogram as inline SVG: a bar per day, week, month or year
 * with articles, placed where it belongs in time; a click narrows the search to its
 * bucket.
 */

import { byId, clear, el, formatDate, numberFormat } from './dom.js';
import { setDates } from './state.js';

const SVG = 'http://www.w3.org/2000/svg';
const CAPTIONS = { day: 'per day', week: 'per week', month: 'per month', year: 'per year' };
const monthFormat = new Intl.DateTimeFormat('en-GB', { month: 'short', year: 'numeric', timeZone: 'UTC' });

/** The last histogram drawn, to draw again when the window is resized. */
let shown = null;

function bucketEnd(date, interval) {
  let d = new Date(date + 'T00:00:00Z');
  if (interval === 'week') {
    d.setUTCDate(d.getUTCDate() + 6);
  } else if (interval === 'month') {
    d = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 0));
  } else if (interval === 'year') {
    d = new Date(Date.UTC(d.getUTCFullYear(), 11, 31));
  }
  return d.toISOString().substring(0, 10);
}

function bucketLabel(date, interval) {
  const d = new Date(date + 'T00:00:00Z');
  if (interval === 'month') {
    return monthFormat.format(d);
  }
  if (interval === 'year') {
    return String(d.getUTCFullYear());
  }
  return formatDate(date + 'T00:00:00Z');
}

function nextBucket(date, interval) {
  const d = new Date(date + 'T00:00:00Z');
  if (interval === 'week') {
    d.setUTCDate(d.getUTCDate() + 7);
  } else if (interval === 'month') {
    d.setUTCMonth(d.getUTCMonth() + 1);
  } else if (interval === 'year') {
    d.setUTCFullYear(d.getUTCFullYear() + 1);
  } else {
    d.setUTCDate(d.getUTCDate() + 1);
  }
  return d.toISOString().substring(0, 10);
}

/** The API leaves empty buckets out; put them back so that bars stand where they belong in time. */
function withEmptyBuckets(buckets, interval) {
  if (buckets.length < 2) {
    return buckets;
  }
  const filled = [];
  let date = buckets[0].date;
  const last = buckets[buckets.length - 1].date;
  let index = 0;
  while (date <= last && filled.length <= 500) {
    if (index < buckets.length && buckets[index].date === date) {
      filled.push(buckets[index++]);
    } else {
      filled.push({ date, count: 0 });
    }
    date = nextBucket(date, interval);
  }
  // Too long a gap to draw bucket by bucket: draw what there is.
  return filled.length > 500 ? buckets : filled;
}

function svgEl(tag, attrs, text) {
  const node = document.createElementNS(SVG, tag);
  Object.keys(attrs).forEach((k) => node.setAttribute(k, attrs[k]));
  if (text !== undefined) node.textContent = text;
  return node;
}

export function renderTimeline(histogram, interval) {
  shown = { buckets: histogram || [], interval: interval || 'day' };
  const box = byId('timeline');
  clear(box);
  const buckets = withEmptyBuckets(shown.buckets, shown.interval);
  byId('timeline-caption').textContent = buckets.length ? 'Articles ' + (CAPTIONS[shown.interval] || '') : '';
  if (!buckets.length) {
    box.appendChild(el('div', { className: 'timeline-empty', text: 'No articles to chart' }));
    return;
  }
  const width = Math.max(box.clientWidth, 320);
  const height = box.clientHeight || 130;
  const plot = { left: 34, right: 8, top: 10, bottom: 22, width, height };
  plot.plotWidth = width - plot.left - plot.right;
  plot.plotHeight = height - plot.top - plot.bottom;
  plot.max = buckets.reduce((m, b) => Math.max(m, b.count), 0);
  plot.slot = plot.plotWidth / buckets.length;
  const svg = svgEl('svg', { viewBox: '0 0 ' + width + ' ' + height, preserveAspectRatio: 'none' });
  drawAxes(svg, plot);
  drawBars(svg, plot, buckets, shown.interval);
  drawLabels(svg, plot, buckets, shown.interval);
  box.appendChild(svg);
}

/** Draws the last histogram again, for a new width. */
export function redrawTimeline() {
  if (shown) {
    renderTimeline(shown.buckets, shown.interval);
  }
}

function drawAxes(svg, plot) {
  const { left, right, top, width, plotHeight } = plot;
  svg.appendChild(svgEl('line', { x1: left, x2: width - right, y1: top, y2: top, class: 'grid' }));
  svg.appendChild(svgEl('line', { x1: left, x2: width - right, y1: top + plotHeight, y2: top + plotHeight, class: 'grid' }));
  svg.appendChild(svgEl('text', { x: left - 6, y: top + 4, 'text-anchor': 'end', class: 'axis' }, numberFormat.format(plot.max)));
  svg.appendChild(svgEl('text', { x: left - 6, y: top + plotHeight, 'text-anchor': 'end', class: 'axis' }, '0'));
}

function drawBars(svg, plot, buckets, interval) {
  const { left, top, plotHeight, max, slot } = plot;
  const barWidth = Math.max(1, Math.min(42, slot * 0.72));
  buckets.forEach((bucket, i) => {
    if (!bucket.count) {
      return;
    }
    const h = max ? Math.max(2, plotHeight * bucket.count / max) : 0;
    const x = left + i * slot + (slot - barWidth) / 2;
    const bar = svgEl('rect', { x, y: top + plotHeight - h, width: barWidth, height: h, rx: Math.min(3, barWidth / 3), class: 'bar' });
    bar.appendChild(svgEl('title', {}, bucketLabel(bucket.date, interval) + ': ' + numberFormat.format(bucket.count)
      + (bucket.count === 1 ? ' article' : ' articles')));
    bar.addEventListener('click', () => setDates(bucket.date, bucketEnd(bucket.date, interval)));
    svg.appendChild(bar);
  });
}

function drawLabels(svg, plot, buckets, interval) {
  const { left, right, width, height, slot } = plot;
  const labelled = buckets.length <= 3 ? buckets.map((b, i) => i)
    : [0, Math.floor((buckets.length - 1) / 2), buckets.length - 1];
  labelled.forEach((i, n) => {
    let anchor = labelled.length > 1 && n === 0 ? 'start' : (n === labelled.length - 1 && labelled.length > 1 ? 'end' : 'middle');
    let x = anchor === 'start' ? left : (anchor === 'end' ? width - right : left + i * slot + slot / 2);
    if (labelled.length <= 3 && buckets.length <= 3) {
      anchor = 'middle';
      x = left + i * slot + slot / 2;
    }
    svg.appendChild(svgEl('text', { x, y: height - 6, 'text-anchor': anchor, class: 'axis' },
      bucketLabel(buckets[i].date, interval)));
  });
}
