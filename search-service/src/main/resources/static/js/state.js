/*
 * What the page searches for, kept in the page address so that a search can be
 * bookmarked, and where the cursor paging stands.
 */

import { byId } from './dom.js';

export const PAGE_SIZE = 20;

export const state = emptyState();

/** The cursor of every page seen so far (null for the first) and the page shown. */
export const paging = { cursors: [null], page: 0 };

let runSearch = () => Promise.resolve();

function emptyState() {
  return { q: '', sort: '', entity: [], tag: [], source: [], language: '', from: '', to: '', grouped: true };
}

export function readUrl() {
  const params = new URLSearchParams(window.location.search);
  Object.assign(state, emptyState(), {
    q: params.get('q') || '',
    sort: params.get('sort') === 'newest' ? 'newest' : '',
    entity: params.getAll('entity'),
    tag: params.getAll('tag'),
    source: params.getAll('source'),
    language: params.get('language') || '',
    from: params.get('from') || '',
    to: params.get('to') || '',
    // Results are grouped by story unless the address says otherwise.
    grouped: params.get('group') !== 'off'
  });
}

export function queryString(withCursor) {
  const params = new URLSearchParams();
  if (state.q) params.set('q', state.q);
  if (state.sort) params.set('sort', state.sort);
  state.entity.forEach((v) => params.append('entity', v));
  state.tag.forEach((v) => params.append('tag', v));
  state.source.forEach((v) => params.append('source', v));
  if (state.language) params.set('language', state.language);
  if (state.from) params.set('from', state.from);
  if (state.to) params.set('to', state.to);
  // The page's own setting: the API ignores it, and is asked with collapse=story instead.
  if (!state.grouped) params.set('group', 'off');
  if (withCursor && paging.cursors[paging.page]) {
    params.set('size', String(PAGE_SIZE));
    params.set('cursor', paging.cursors[paging.page]);
  }
  return params.toString();
}

export function syncControls() {
  byId('q').value = state.q;
  byId('sort').value = state.sort;
  byId('from').value = state.from;
  byId('to').value = state.to;
  byId('grouped').checked = state.grouped;
}

/** What runs the search of the current page; set once by the page's main module. */
export function onSearch(run) {
  runSearch = run;
}

/** Starts a search from its first page, with the address showing it. */
export function newSearch() {
  paging.cursors = [null];
  paging.page = 0;
  const query = queryString(false);
  window.history.replaceState(null, '', query ? '?' + query : window.location.pathname);
  return runSearch();
}

export function isActive(parameter, value) {
  return parameter === 'language' ? state.language === value : state[parameter].indexOf(value) >= 0;
}

export function toggleFilter(parameter, value) {
  if (parameter === 'language') {
    state.language = state.language === value ? '' : value;
  } else {
    const values = state[parameter];
    const index = values.indexOf(value);
    if (index >= 0) {
      values.splice(index, 1);
    } else {
      values.push(value);
    }
  }
  newSearch();
}

export function addFilter(parameter, value) {
  if (parameter === 'language') {
    state.language = value;
  } else if (state[parameter].indexOf(value) < 0) {
    state[parameter].push(value);
  }
  newSearch();
}

export function setDates(from, to) {
  state.from = from;
  state.to = to;
  syncControls();
  newSearch();
}

/** Drops every filter, keeping the text, the order and the grouping. */
export function clearFilters() {
  Object.assign(state, emptyState(), { q: state.q, sort: state.sort, grouped: state.grouped });
  syncControls();
  newSearch();
}
