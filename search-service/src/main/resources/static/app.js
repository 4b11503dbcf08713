/*
 * Newsroom dashboard: plain JavaScript modules over the search-service API, no build step
 * and no third-party code. This main module wires the page's controls; each part of the
 * page has a module of its own under js/.
 */

import { closeArticle } from './js/article.js';
import { byId } from './js/dom.js';
import { run } from './js/search.js';
import { newSearch, onSearch, paging, readUrl, state, syncControls } from './js/state.js';
import { chooseSelected, hideSuggestions, initSuggestions } from './js/suggestions.js';
import { redrawTimeline } from './js/timeline.js';
import { loadTopStories } from './js/stories.js';
import { loadTrends } from './js/trends.js';

function turnPage(step) {
  paging.page += step;
  run().then(() => window.scrollTo(0, 0));
}

function wireSearchForm() {
  byId('search-form').addEventListener('submit', (event) => {
    event.preventDefault();
    if (chooseSelected()) {
      return;
    }
    hideSuggestions();
    state.q = byId('q').value.trim();
    state.sort = byId('sort').value;
    newSearch();
  });
  byId('sort').addEventListener('change', () => {
    state.sort = byId('sort').value;
    state.q = byId('q').value.trim();
    newSearch();
  });
  byId('grouped').addEventListener('change', () => {
    state.grouped = byId('grouped').checked;
    state.q = byId('q').value.trim();
    newSearch();
  });
  ['from', 'to'].forEach((id) => {
    byId(id).addEventListener('change', () => {
      state[id] = byId(id).value;
      newSearch();
    });
  });
}

function wirePageControls() {
  byId('prev').addEventListener('click', () => {
    if (paging.page > 0) {
      turnPage(-1);
    }
  });
  byId('next').addEventListener('click', () => {
    if (paging.cursors[paging.page + 1]) {
      turnPage(1);
    }
  });
  byId('overlay').addEventListener('click', closeArticle);
  byId('close-article').addEventListener('click', closeArticle);
  document.addEventListener('keydown', (event) => {
    if (event.key === 'Escape') {
      closeArticle();
    }
  });
  let resizeTimer = null;
  window.addEventListener('resize', () => {
    window.clearTimeout(resizeTimer);
    resizeTimer = window.setTimeout(redrawTimeline, 150);
  });
}

readUrl();
syncControls();
onSearch(run);
initSuggestions();
wireSearchForm();
wirePageControls();
newSearch();
loadTopStories();
loadTrends();
