/*
 * Runs a search into every part of the page: results, facets, active filters, timeline
 * and pager.
 */

import * as api from './api.js';
import { byId, clear } from './dom.js';
import { renderActiveFilters, renderFacets } from './facets.js';
import { hideMessage, renderPager, renderResults, renderSummary, showMessage } from './render.js';
import { PAGE_SIZE, paging, queryString, state } from './state.js';
import { renderTimeline } from './timeline.js';

let requestCount = 0;

/** Runs the search of the page shown; an answer that a newer search overtook is dropped. */
export function run() {
  const request = ++requestCount;
  const params = new URLSearchParams(queryString(true));
  params.set('size', String(PAGE_SIZE));
  if (state.grouped) {
    params.set('collapse', 'story');
  }
  document.body.classList.add('loading');
  return api.search(params.toString()).then((answer) => {
    if (request !== requestCount) {
      return;
    }
    hideMessage();
    paging.cursors[paging.page + 1] = answer.nextCursor || null;
    renderSummary(answer.total, state.grouped);
    renderResults(answer.hits);
    renderFacets(answer.facets);
    renderActiveFilters();
    renderTimeline(answer.histogram, answer.histogramInterval);
    renderPager(answer.total);
  }).catch((error) => {
    if (request !== requestCount) {
      return;
    }
    showMessage(error.message);
    clear(byId('results'));
    byId('summary').textContent = '';
    renderPager(0);
  }).then(() => {
    document.body.classList.remove('loading');
  });
}
