/*
 * Newsroom dashboard: plain JavaScript over the search-service API, no build step and no
 * third-party code. Every value from the API is inserted as text; only the <em> marks of
 * search highlights become elements.
 */
(function () {
  'use strict';

  var PAGE_SIZE = 20;
  var TYPE_LABELS = { PERSON: 'Person', ORGANIZATION: 'Organization', LOCATION: 'Location', TITLE: 'Headline' };
  var FACET_PARAMETERS = { entities: 'entity', tags: 'tag', sources: 'source', languages: 'language' };

  var state = emptyState();
  var cursors = [null];
  var page = 0;
  var requestCount = 0;
  var lastHistogram = null;

  var $ = function (id) { return document.getElementById(id); };
  var dateFormat = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });
  var monthFormat = new Intl.DateTimeFormat('en-GB', { month: 'short', year: 'numeric', timeZone: 'UTC' });
  var numberFormat = new Intl.NumberFormat('en-US');
  var languageNames = (typeof Intl.DisplayNames === 'function')
    ? new Intl.DisplayNames(['en'], { type: 'language' }) : null;

  function emptyState() {
    return { q: '', sort: '', entity: [], tag: [], source: [], language: '', from: '', to: '' };
  }

  // ---- DOM helpers -------------------------------------------------------------------

  function el(tag, attributes, children) {
    var node = document.createElement(tag);
    Object.keys(attributes || {}).forEach(function (name) {
      var value = attributes[name];
      if (value === null || value === undefined || value === false) {
        return;
      }
      if (name === 'text') {
        node.textContent = value;
      } else if (name === 'className') {
        node.className = value;
      } else if (name.indexOf('on') === 0) {
        node.addEventListener(name.substring(2), value);
      } else {
        node.setAttribute(name, value === true ? '' : value);
      }
    });
    (children || []).forEach(function (child) {
      if (child !== null && child !== undefined) {
        node.appendChild(typeof child === 'string' ? document.createTextNode(child) : child);
      }
    });
    return node;
  }

  function clear(node) {
    while (node.firstChild) {
      node.removeChild(node.firstChild);
    }
  }

  var ENTITIES = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

  /** Elasticsearch HTML-encodes highlights; decode the entities back to plain text. */
  function decodeEntities(text) {
    return text.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/gi, function (match, name) {
      if (name.charAt(0) === '#') {
        var code = name.charAt(1).toLowerCase() === 'x' ? parseInt(name.substring(2), 16) : parseInt(name.substring(1), 10);
        return (code > 0 && code <= 0x10ffff) ? String.fromCodePoint(code) : match;
      }
      var decoded = ENTITIES[name.toLowerCase()];
      return decoded !== undefined ? decoded : match;
    });
  }

  /** A highlight as DOM: text nodes, and <em> elements for the marks, nothing else. */
  function highlighted(fragment) {
    var result = document.createDocumentFragment();
    var marked = false;
    String(fragment).split(/(<em>|<\/em>)/).forEach(function (part) {
      if (part === '<em>') {
        marked = true;
      } else if (part === '</em>') {
        marked = false;
      } else if (part) {
        var text = decodeEntities(part);
        result.appendChild(marked ? el('em', { text: text }) : document.createTextNode(text));
      }
    });
    return result;
  }

  function formatDate(iso) {
    if (!iso) {
      return '';
    }
    var date = new Date(iso);
    return isNaN(date) ? '' : dateFormat.format(date);
  }

  function languageName(code) {
    if (!code) {
      return '';
    }
    try {
      return (languageNames && languageNames.of(code)) || code;
    } catch (e) {
      return code;
    }
  }

  function facetLabel(facet, value) {
    return facet === 'languages' ? languageName(value) : value;
  }

  // ---- State and URL -----------------------------------------------------------------

  function readUrl() {
    var params = new URLSearchParams(window.location.search);
    var next = emptyState();
    next.q = params.get('q') || '';
    next.sort = params.get('sort') === 'newest' ? 'newest' : '';
    next.entity = params.getAll('entity');
    next.tag = params.getAll('tag');
    next.source = params.getAll('source');
    next.language = params.get('language') || '';
    next.from = params.get('from') || '';
    next.to = params.get('to') || '';
    return next;
  }

  function queryString(withCursor) {
    var params = new URLSearchParams();
    if (state.q) params.set('q', state.q);
    if (state.sort) params.set('sort', state.sort);
    state.entity.forEach(function (v) { params.append('entity', v); });
    state.tag.forEach(function (v) { params.append('tag', v); });
    state.source.forEach(function (v) { params.append('source', v); });
    if (state.language) params.set('language', state.language);
    if (state.from) params.set('from', state.from);
    if (state.to) params.set('to', state.to);
    if (withCursor && cursors[page]) {
      params.set('size', String(PAGE_SIZE));
      params.set('cursor', cursors[page]);
    }
    return params.toString();
  }

  function syncControls() {
    $('q').value = state.q;
    $('sort').value = state.sort;
    $('from').value = state.from;
    $('to').value = state.to;
  }

  // ---- Search ------------------------------------------------------------------------

  function newSearch() {
    cursors = [null];
    page = 0;
    var query = queryString(false);
    window.history.replaceState(null, '', query ? '?' + query : window.location.pathname);
    return run();
  }

  function run() {
    var request = ++requestCount;
    var params = new URLSearchParams(queryString(true));
    params.set('size', String(PAGE_SIZE));
    document.body.classList.add('loading');
    return fetchJson('api/v1/search?' + params.toString()).then(function (answer) {
      if (request !== requestCount) {
        return;
      }
      hideMessage();
      cursors[page + 1] = answer.nextCursor || null;
      renderSummary(answer.total);
      renderResults(answer.hits);
      renderFacets(answer.facets);
      renderActiveFilters();
      renderTimeline(answer.histogram, answer.histogramInterval);
      renderPager(answer.total);
    }).catch(function (error) {
      if (request !== requestCount) {
        return;
      }
      showMessage(error.message);
      clear($('results'));
      $('summary').textContent = '';
      renderPager(0);
    }).then(function () {
      document.body.classList.remove('loading');
    });
  }

  function fetchJson(url) {
    return fetch(url, { headers: { Accept: 'application/json' } }).then(function (response) {
      if (response.ok) {
        return response.json();
      }
      return response.json().catch(function () { return {}; }).then(function (problem) {
        var message;
        if (response.status === 503) {
          message = 'Search is unavailable right now. Please try again in a moment.';
        } else if (response.status === 404) {
          message = problem.detail || 'Not found.';
        } else {
          message = problem.detail || ('The request failed (' + response.status + ').');
        }
        var error = new Error(message);
        error.status = response.status;
        throw error;
      });
    });
  }

  function showMessage(text, info) {
    var message = $('message');
    message.textContent = text;
    message.className = info ? 'message info' : 'message';
    message.hidden = false;
  }

  function hideMessage() {
    $('message').hidden = true;
  }

  // ---- Rendering ---------------------------------------------------------------------

  function renderSummary(total) {
    var summary = $('summary');
    clear(summary);
    if (total === 0) {
      summary.appendChild(document.createTextNode('No articles match.'));
      showMessage('No articles match this search. Try fewer words or remove a filter.', true);
      return;
    }
    var first = page * PAGE_SIZE + 1;
    var last = Math.min(total, (page + 1) * PAGE_SIZE);
    summary.appendChild(el('strong', { text: numberFormat.format(total) }));
    summary.appendChild(document.createTextNode(total === 1 ? ' article' : ' articles'));
    if (total > PAGE_SIZE) {
      summary.appendChild(document.createTextNode(' · showing ' + first + '–' + last));
    }
  }

  function renderResults(hits) {
    var list = $('results');
    clear(list);
    hits.forEach(function (hit) {
      var title = el('button', { type: 'button', className: 'result-title', onclick: function () { openArticle(hit.id); } });
      var titleMarks = hit.highlights && hit.highlights.title && hit.highlights.title.length;
      title.appendChild(titleMarks ? highlighted(hit.highlights.title[0]) : document.createTextNode(hit.title || '(untitled)'));

      var meta = el('div', { className: 'meta' }, [
        el('span', { className: 'source', text: hit.source }),
        hit.author ? el('span', { text: hit.author }) : null,
        el('time', { datetime: hit.publishedAt, text: formatDate(hit.publishedAt) }),
        hit.language ? el('span', { text: languageName(hit.language) }) : null,
        hit.url ? el('a', { href: hit.url, target: '_blank', rel: 'noopener noreferrer', text: 'Original ↗' }) : null
      ]);

      var snippets = [];
      var fragments = (hit.highlights && hit.highlights.text) || [];
      if (fragments.length) {
        var snippet = el('p', { className: 'snippet' });
        fragments.slice(0, 2).forEach(function (fragment, index) {
          if (index > 0) {
            snippet.appendChild(document.createTextNode(' … '));
          }
          snippet.appendChild(highlighted(fragment));
        });
        snippet.appendChild(document.createTextNode(' …'));
        snippets.push(snippet);
      } else if (hit.summary) {
        snippets.push(el('p', { className: 'snippet', text: hit.summary }));
      }

      var chips = el('div', { className: 'result-tags' });
      (hit.entities || []).slice(0, 5).forEach(function (entity) {
        chips.appendChild(el('button', {
          type: 'button', className: 'badge entity-link ' + entity.type, title: 'Filter on ' + entity.name,
          text: entity.name, onclick: function () { addFilter('entity', entity.name); }
        }));
      });
      (hit.tags || []).slice(0, 3).forEach(function (tag) {
        chips.appendChild(el('button', {
          type: 'button', className: 'badge entity-link tag', title: 'Filter on topic ' + tag,
          text: tag, onclick: function () { addFilter('tag', tag); }
        }));
      });

      list.appendChild(el('li', { className: 'result', 'data-id': hit.id }, [title, meta].concat(snippets, [chips])));
    });
  }

  function isActive(facet, value) {
    var parameter = FACET_PARAMETERS[facet];
    return parameter === 'language' ? state.language === value : state[parameter].indexOf(value) >= 0;
  }

  function renderFacets(facets) {
    Object.keys(FACET_PARAMETERS).forEach(function (facet) {
      var list = $('facet-' + facet);
      clear(list);
      var values = (facets && facets[facet]) || [];
      if (!values.length) {
        list.appendChild(el('li', { className: 'facet-empty', text: 'None' }));
      }
      values.forEach(function (value) {
        var active = isActive(facet, value.value);
        var button = el('button', {
          type: 'button', className: 'facet-value' + (active ? ' active' : ''),
          'data-facet': facet, 'data-value': value.value, 'aria-pressed': active ? 'true' : 'false',
          onclick: function () { toggleFilter(FACET_PARAMETERS[facet], value.value); }
        }, [
          value.type ? el('span', { className: 'dot ' + value.type, title: TYPE_LABELS[value.type] || value.type }) : null,
          el('span', { className: 'label', text: facetLabel(facet, value.value), title: value.value }),
          el('span', { className: 'count', text: numberFormat.format(value.count) })
        ]);
        list.appendChild(el('li', {}, [button]));
      });
    });
  }

  function renderActiveFilters() {
    var box = $('active-filters');
    clear(box);
    var chips = [];
    function chip(label, remove) {
      chips.push(el('button', { type: 'button', className: 'chip', onclick: remove, title: 'Remove filter' }, [
        label, el('span', { className: 'x', 'aria-hidden': 'true', text: '×' })
      ]));
    }
    state.entity.forEach(function (v) { chip(v, function () { toggleFilter('entity', v); }); });
    state.tag.forEach(function (v) { chip('Topic: ' + v, function () { toggleFilter('tag', v); }); });
    state.source.forEach(function (v) { chip('Source: ' + v, function () { toggleFilter('source', v); }); });
    if (state.language) {
      chip('Language: ' + languageName(state.language), function () { toggleFilter('language', state.language); });
    }
    if (state.from || state.to) {
      chip('Published ' + (state.from || '…') + ' – ' + (state.to || '…'), function () {
        state.from = '';
        state.to = '';
        syncControls();
        newSearch();
      });
    }
    chips.forEach(function (c) { box.appendChild(c); });
    if (chips.length > 1) {
      box.appendChild(el('button', {
        type: 'button', className: 'chip clear', text: 'Clear all', onclick: function () {
          var q = state.q;
          var sort = state.sort;
          state = emptyState();
          state.q = q;
          state.sort = sort;
          syncControls();
          newSearch();
        }
      }));
    }
  }

  function bucketEnd(date, interval) {
    var d = new Date(date + 'T00:00:00Z');
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
    var d = new Date(date + 'T00:00:00Z');
    if (interval === 'month') {
      return monthFormat.format(d);
    }
    if (interval === 'year') {
      return String(d.getUTCFullYear());
    }
    return dateFormat.format(d);
  }

  function nextBucket(date, interval) {
    var d = new Date(date + 'T00:00:00Z');
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
    var filled = [];
    var date = buckets[0].date;
    var last = buckets[buckets.length - 1].date;
    var index = 0;
    while (date <= last && filled.length <= 500) {
      if (index < buckets.length && buckets[index].date === date) {
        filled.push(buckets[index++]);
      } else {
        filled.push({ date: date, count: 0 });
      }
      date = nextBucket(date, interval);
    }
    // Too long a gap to draw bucket by bucket: draw what there is.
    return filled.length > 500 ? buckets : filled;
  }

  function renderTimeline(histogram, interval) {
    lastHistogram = { buckets: histogram || [], interval: interval || 'day' };
    var box = $('timeline');
    clear(box);
    var buckets = withEmptyBuckets(lastHistogram.buckets, lastHistogram.interval);
    var caption = { day: 'per day', week: 'per week', month: 'per month', year: 'per year' }[lastHistogram.interval] || '';
    $('timeline-caption').textContent = buckets.length ? 'Articles ' + caption : '';
    if (!buckets.length) {
      box.appendChild(el('div', { className: 'timeline-empty', text: 'No articles to chart' }));
      return;
    }
    var ns = 'http://www.w3.org/2000/svg';
    var width = Math.max(box.clientWidth, 320);
    var height = box.clientHeight || 130;
    var left = 34, right = 8, top = 10, bottom = 22;
    var max = buckets.reduce(function (m, b) { return Math.max(m, b.count); }, 0);
    var svg = document.createElementNS(ns, 'svg');
    svg.setAttribute('viewBox', '0 0 ' + width + ' ' + height);
    svg.setAttribute('preserveAspectRatio', 'none');
    function svgEl(tag, attrs, text) {
      var node = document.createElementNS(ns, tag);
      Object.keys(attrs).forEach(function (k) { node.setAttribute(k, attrs[k]); });
      if (text !== undefined) node.textContent = text;
      return node;
    }
    var plotWidth = width - left - right;
    var plotHeight = height - top - bottom;
    svg.appendChild(svgEl('line', { x1: left, x2: width - right, y1: top, y2: top, class: 'grid' }));
    svg.appendChild(svgEl('line', { x1: left, x2: width - right, y1: top + plotHeight, y2: top + plotHeight, class: 'grid' }));
    svg.appendChild(svgEl('text', { x: left - 6, y: top + 4, 'text-anchor': 'end', class: 'axis' }, numberFormat.format(max)));
    svg.appendChild(svgEl('text', { x: left - 6, y: top + plotHeight, 'text-anchor': 'end', class: 'axis' }, '0'));
    var slot = plotWidth / buckets.length;
    var barWidth = Math.max(1, Math.min(42, slot * 0.72));
    buckets.forEach(function (bucket, i) {
      if (!bucket.count) {
        return;
      }
      var h = max ? Math.max(2, plotHeight * bucket.count / max) : 0;
      var x = left + i * slot + (slot - barWidth) / 2;
      var bar = svgEl('rect', { x: x, y: top + plotHeight - h, width: barWidth, height: h, rx: Math.min(3, barWidth / 3), class: 'bar' });
      bar.appendChild(svgEl('title', {}, bucketLabel(bucket.date, lastHistogram.interval) + ': ' + numberFormat.format(bucket.count)
        + (bucket.count === 1 ? ' article' : ' articles')));
      bar.addEventListener('click', function () {
        state.from = bucket.date;
        state.to = bucketEnd(bucket.date, lastHistogram.interval);
        syncControls();
        newSearch();
      });
      svg.appendChild(bar);
    });
    var labelled = buckets.length <= 3 ? buckets.map(function (b, i) { return i; })
      : [0, Math.floor((buckets.length - 1) / 2), buckets.length - 1];
    labelled.forEach(function (i, n) {
      var anchor = labelled.length > 1 && n === 0 ? 'start' : (n === labelled.length - 1 && labelled.length > 1 ? 'end' : 'middle');
      var x = anchor === 'start' ? left : (anchor === 'end' ? width - right : left + i * slot + slot / 2);
      if (labelled.length <= 3 && buckets.length <= 3) {
        anchor = 'middle';
        x = left + i * slot + slot / 2;
      }
      svg.appendChild(svgEl('text', { x: x, y: height - 6, 'text-anchor': anchor, class: 'axis' },
        bucketLabel(buckets[i].date, lastHistogram.interval)));
    });
    box.appendChild(svg);
  }

  function renderPager(total) {
    document.querySelector('.pager').hidden = page === 0 && !cursors[page + 1];
    $('prev').disabled = page === 0;
    $('next').disabled = !cursors[page + 1];
    var pages = Math.ceil(total / PAGE_SIZE);
    $('page').textContent = pages > 1 ? 'Page ' + (page + 1) + ' of ' + pages : '';
  }

  // ---- Filters -----------------------------------------------------------------------

  function toggleFilter(parameter, value) {
    if (parameter === 'language') {
      state.language = state.language === value ? '' : value;
    } else {
      var values = state[parameter];
      var index = values.indexOf(value);
      if (index >= 0) {
        values.splice(index, 1);
      } else {
        values.push(value);
      }
    }
    newSearch();
  }

  function addFilter(parameter, value) {
    closeArticle();
    if (parameter === 'language') {
      state.language = value;
    } else if (state[parameter].indexOf(value) < 0) {
      state[parameter].push(value);
    }
    newSearch();
  }

  // ---- Suggestions -------------------------------------------------------------------

  var suggestTimer = null;
  var suggestRequest = 0;
  var suggestions = [];
  var selected = -1;

  function hideSuggestions() {
    window.clearTimeout(suggestTimer);
    $('suggestions').hidden = true;
    $('q').setAttribute('aria-expanded', 'false');
    suggestions = [];
    selected = -1;
    suggestRequest++;
  }

  function renderSuggestions() {
    var list = $('suggestions');
    clear(list);
    if (!suggestions.length) {
      hideSuggestions();
      return;
    }
    suggestions.forEach(function (suggestion, index) {
      list.appendChild(el('li', {
        role: 'option', 'aria-selected': index === selected ? 'true' : 'false', 'data-type': suggestion.type,
        onmousedown: function (event) { event.preventDefault(); choose(suggestion); }
      }, [
        el('span', { className: 'text', text: suggestion.text }),
        el('span', { className: 'badge ' + suggestion.type, text: TYPE_LABELS[suggestion.type] || suggestion.type })
      ]));
    });
    list.hidden = false;
    $('q').setAttribute('aria-expanded', 'true');
  }

  function suggest(prefix) {
    var request = ++suggestRequest;
    fetchJson('api/v1/suggest?size=8&prefix=' + encodeURIComponent(prefix)).then(function (answer) {
      if (request !== suggestRequest || $('q').value.trim() !== prefix) {
        return;
      }
      suggestions = answer.suggestions || [];
      selected = -1;
      renderSuggestions();
    }).catch(function () {
      hideSuggestions();
    });
  }

  function choose(suggestion) {
    hideSuggestions();
    if (suggestion.type === 'TITLE') {
      state.q = '"' + suggestion.text.replace(/"/g, '') + '"';
    } else {
      state.q = '';
      if (state.entity.indexOf(suggestion.text) < 0) {
        state.entity.push(suggestion.text);
      }
    }
    syncControls();
    newSearch();
  }

  // ---- Article view ------------------------------------------------------------------

  function openArticle(id) {
    var panel = $('article');
    var body = $('article-body');
    clear(body);
    body.appendChild(el('p', { className: 'muted', text: 'Loading…' }));
    panel.classList.add('open');
    panel.setAttribute('aria-hidden', 'false');
    $('overlay').hidden = false;
    var path = 'api/v1/articles/' + encodeURIComponent(id);
    Promise.all([
      fetchJson(path),
      fetchJson(path + '/related?size=5').catch(function () { return { hits: [] }; })
    ]).then(function (answers) {
      renderArticle(answers[0], answers[1].hits || []);
    }).catch(function (error) {
      clear(body);
      body.appendChild(el('div', { className: 'message', text: error.message }));
    });
  }

  function closeArticle() {
    $('article').classList.remove('open');
    $('article').setAttribute('aria-hidden', 'true');
    $('overlay').hidden = true;
  }

  function renderArticle(article, related) {
    var body = $('article-body');
    clear(body);
    body.scrollTop = 0;
    $('article').scrollTop = 0;
    body.appendChild(el('div', { className: 'meta' }, [
      el('span', { className: 'source', text: article.source }),
      article.author ? el('span', { text: article.author }) : null,
      el('time', { datetime: article.publishedAt, text: formatDate(article.publishedAt) }),
      article.language ? el('span', { text: languageName(article.language) }) : null,
      article.readingTimeMinutes ? el('span', { text: article.readingTimeMinutes + ' min read' }) : null
    ]));
    body.appendChild(el('h1', { id: 'article-title', text: article.title }));
    if (article.summary) {
      body.appendChild(el('p', { className: 'lede', text: article.summary }));
    }
    var tags = el('div', { className: 'result-tags' });
    (article.tags || []).forEach(function (tag) {
      tags.appendChild(el('button', { type: 'button', className: 'badge entity-link tag', text: tag, onclick: function () { addFilter('tag', tag); } }));
    });
    (article.keywords || []).slice(0, 6).forEach(function (keyword) {
      tags.appendChild(el('span', { className: 'badge', text: keyword }));
    });
    body.appendChild(tags);

    if ((article.entities || []).length) {
      body.appendChild(el('h3', { text: 'Entities' }));
      var grid = el('div', { className: 'entity-grid', id: 'article-entities' });
      article.entities.forEach(function (entity) {
        var salience = Math.round(Math.max(0, Math.min(1, entity.salience || 0)) * 100);
        grid.appendChild(el('button', {
          type: 'button', className: 'entity-card', title: 'Filter on ' + entity.name + ' (' + (entity.mentions || 0) + ' mentions)',
          onclick: function () { addFilter('entity', entity.name); }
        }, [
          el('span', { className: 'dot ' + entity.type }),
          el('span', { className: 'name', text: entity.name }),
          el('span', { className: 'badge ' + entity.type, text: TYPE_LABELS[entity.type] || entity.type }),
          el('span', { className: 'salience', title: 'Salience ' + salience + '%' }, [el('span', { style: 'width:' + salience + '%' })])
        ]));
      });
      body.appendChild(grid);
    }

    body.appendChild(el('h3', { text: 'Related articles' }));
    var list = el('ul', { className: 'related', id: 'article-related' });
    if (!related.length) {
      list.appendChild(el('li', { className: 'muted', text: 'No related articles yet.' }));
    }
    related.forEach(function (hit) {
      list.appendChild(el('li', {}, [
        el('button', { type: 'button', text: hit.title, onclick: function () { openArticle(hit.id); } }),
        el('div', { className: 'meta' }, [
          el('span', { className: 'source', text: hit.source }),
          el('time', { datetime: hit.publishedAt, text: formatDate(hit.publishedAt) })
        ])
      ]));
    });
    body.appendChild(list);

    body.appendChild(el('h3', { text: 'Full text' }));
    var text = el('div', { className: 'text' });
    String(article.text || '').split(/\n+/).forEach(function (paragraph) {
      if (paragraph.trim()) {
        text.appendChild(el('p', { text: paragraph.trim() }));
      }
    });
    body.appendChild(text);
    if (article.url) {
      body.appendChild(el('p', {}, [el('a', { href: article.url, target: '_blank', rel: 'noopener noreferrer', text: 'Read at ' + article.source + ' ↗' })]));
    }
  }

  // ---- Trends ------------------------------------------------------------------------

  function loadTrends() {
    fetchJson('api/v1/trends?window=P1D&size=8').then(function (answer) {
      if ((answer.entities || []).length) {
        return { heading: 'Rising today', entities: answer.entities };
      }
      return fetchJson('api/v1/trends?window=P7D&size=8').then(function (week) {
        return { heading: 'Rising this week', entities: week.entities || [] };
      });
    }).then(function (trends) {
      var list = $('trends');
      clear(list);
      $('trends-panel').querySelector('h2').textContent = trends.heading;
      if (!trends.entities.length) {
        list.appendChild(el('li', { className: 'facet-empty', text: 'Nothing rising yet' }));
      }
      trends.entities.forEach(function (entity) {
        list.appendChild(el('li', {}, [el('button', {
          type: 'button', className: 'trend', onclick: function () { addFilter('entity', entity.name); },
          title: entity.count + ' articles, ' + entity.previousCount + ' before'
        }, [
          el('span', { className: 'dot ' + entity.type }),
          el('span', { className: 'label', text: entity.name }),
          el('span', { className: 'rise', text: '+' + (entity.count - entity.previousCount) })
        ])]));
      });
    }).catch(function () {
      $('trends-panel').hidden = true;
    });
  }

  // ---- Wiring ------------------------------------------------------------------------

  function init() {
    state = readUrl();
    syncControls();

    $('search-form').addEventListener('submit', function (event) {
      event.preventDefault();
      if (selected >= 0 && suggestions[selected]) {
        choose(suggestions[selected]);
        return;
      }
      hideSuggestions();
      state.q = $('q').value.trim();
      state.sort = $('sort').value;
      newSearch();
    });
    $('sort').addEventListener('change', function () {
      state.sort = $('sort').value;
      state.q = $('q').value.trim();
      newSearch();
    });
    ['from', 'to'].forEach(function (id) {
      $(id).addEventListener('change', function () {
        state[id] = $(id).value;
        newSearch();
      });
    });
    $('q').addEventListener('input', function () {
      var prefix = $('q').value.trim();
      window.clearTimeout(suggestTimer);
      if (prefix.length < 2 || prefix.length > 100) {
        hideSuggestions();
        return;
      }
      suggestTimer = window.setTimeout(function () { suggest(prefix); }, 150);
    });
    $('q').addEventListener('keydown', function (event) {
      if ($('suggestions').hidden) {
        return;
      }
      if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
        event.preventDefault();
        var step = event.key === 'ArrowDown' ? 1 : -1;
        selected = (selected + step + suggestions.length + 1) % (suggestions.length + 1);
        if (selected === suggestions.length) {
          selected = -1;
        }
        renderSuggestions();
      } else if (event.key === 'Escape') {
        hideSuggestions();
      }
    });
    $('q').addEventListener('blur', function () { window.setTimeout(hideSuggestions, 100); });
    $('prev').addEventListener('click', function () {
      if (page > 0) {
        page--;
        run().then(function () { window.scrollTo(0, 0); });
      }
    });
    $('next').addEventListener('click', function () {
      if (cursors[page + 1]) {
        page++;
        run().then(function () { window.scrollTo(0, 0); });
      }
    });
    $('overlay').addEventListener('click', closeArticle);
    $('close-article').addEventListener('click', closeArticle);
    document.addEventListener('keydown', function (event) {
      if (event.key === 'Escape') {
        closeArticle();
      }
    });
    var resizeTimer = null;
    window.addEventListener('resize', function () {
      window.clearTimeout(resizeTimer);
      resizeTimer = window.setTimeout(function () {
        if (lastHistogram) {
          renderTimeline(lastHistogram.buckets, lastHistogram.interval);
        }
      }, 150);
    });

    newSearch();
    loadTrends();
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', init);
  } else {
    init();
  }
})();
