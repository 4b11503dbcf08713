/*
 * The search-service API, by relative URL so that the page works wherever the service
 * serves it. A failed call rejects with an Error whose message a person can read.
 */

function fetchJson(url) {
  return fetch(url, { headers: { Accept: 'application/json' } }).then((response) => {
    if (response.ok) {
      return response.json();
    }
    return response.json().catch(() => ({})).then((problem) => {
      let message;
      if (response.status === 503) {
        message = 'Search is unavailable right now. Please try again in a moment.';
      } else if (response.status === 404) {
        message = problem.detail || 'Not found.';
      } else {
        message = problem.detail || ('The request failed (' + response.status + ').');
      }
      const error = new Error(message);
      error.status = response.status;
      throw error;
    });
  });
}

export function search(query) {
  return fetchJson('api/v1/search?' + query);
}

export function suggest(prefix) {
  return fetchJson('api/v1/suggest?size=8&prefix=' + encodeURIComponent(prefix));
}

export function article(id) {
  return fetchJson('api/v1/articles/' + encodeURIComponent(id));
}

export function related(id) {
  return fetchJson('api/v1/articles/' + encodeURIComponent(id) + '/related?size=5');
}

export function stories(query) {
  return fetchJson('api/v1/stories?' + query);
}

export function story(id) {
  return fetchJson('api/v1/stories/' + encodeURIComponent(id));
}

export function trends(window) {
  return fetchJson('api/v1/trends?window=' + window + '&size=8');
}
