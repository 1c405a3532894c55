// The controls beside the graph (aside.controls): the search and its results, the filter form,
// the path form with its name suggestions, and the export buttons. They read and fill in the forms
// and turn the reader's input into calls of the handlers given; what to fetch and show is decided
// in explorer.js, so that every way into a change of the view goes through the same steps.
import { element } from './dom.js';
import { DEAL_TYPES, KINDS } from './look.js';

/**
 * `on` holds search(text), findPaths(fromText, toText), knows(name) and suggest(text) for the
 * names offered in the path form, filtersChanged(), exportPng(), exportFile(format) and clear().
 */
export function createControls(on) {
  const page = {
    searchForm: document.getElementById('search-form'),
    searchText: document.getElementById('search-text'),
    searchResults: document.getElementById('search-results'),
    filterForm: document.getElementById('filter-form'),
    dealTypeOptions: document.getElementById('deal-type-options'),
    pathForm: document.getElementById('path-form'),
    pathFrom: document.getElementById('path-from'),
    pathTo: document.getElementById('path-to'),
    names: document.getElementById('organization-names'),
    viewButtons: ['export-png', 'export-csv', 'export-graphml', 'clear-view'].map((id) => document.getElementById(id)),
  };

  Object.entries(DEAL_TYPES).forEach(([type, look]) => {
    const box = element('input', { type: 'checkbox', name: 'dealType', value: type, checked: true, id: `type-${type}` });
    page.dealTypeOptions.append(element('label', { htmlFor: box.id }, box, look.label));
  });

  page.searchForm.addEventListener('submit', (event) => {
    event.preventDefault();
    on.search(page.searchText.value.trim());
  });
  page.pathForm.addEventListener('submit', (event) => {
    event.preventDefault();
    on.findPaths(page.pathFrom.value, page.pathTo.value);
  });
  // Names are asked for once the reader pauses, and only those the page does not know yet.
  let suggestTimer = null;
  const suggestNames = (event) => {
    const text = event.target.value.trim();
    clearTimeout(suggestTimer);
    if (text.length < 2 || on.knows(text)) {
      return;
    }
    suggestTimer = setTimeout(() => on.suggest(text), 250);
  };
  page.pathFrom.addEventListener('input', suggestNames);
  page.pathTo.addEventListener('input', suggestNames);
  page.filterForm.addEventListener('submit', (event) => {
    event.preventDefault();
    if (page.filterForm.reportValidity()) {
      on.filtersChanged();
    }
  });
  page.filterForm.addEventListener('reset', () => {
    // The form resets its fields after this event; report the change once it has.
    setTimeout(() => on.filtersChanged(), 0);
  });
  document.getElementById('export-png').addEventListener('click', () => on.exportPng());
  document.getElementById('export-csv').addEventListener('click', () => on.exportFile('csv'));
  document.getElementById('export-graphml').addEventListener('click', () => on.exportFile('graphml'));
  document.getElementById('clear-view').addEventListener('click', () => on.clear());

  return {
    /** The filters as the form sets them; null for what is left open. */
    filters() {
      const data = new FormData(page.filterForm);
      const chosen = [...page.dealTypeOptions.querySelectorAll('input:checked')].map((box) => box.value);
      const all = chosen.length === Object.keys(DEAL_TYPES).length;
      const date = (name) => (data.get(name) || '').trim() || null;
      return {
        dealTypes: all ? null : chosen,
        since: date('since'),
        until: date('until'),
        asOf: date('asOf'),
        minConfidence: data.get('minConfidence') || null,
      };
    },

    /** Sets the form to the filters of a link (see link.js). */
    setFilters(link) {
      page.dealTypeOptions.querySelectorAll('input').forEach((box) => {
        box.checked = link.dealTypes.length === 0 || link.dealTypes.includes(box.value);
      });
      ['since', 'until', 'asOf', 'minConfidence'].forEach((name) => { page.filterForm.elements[name].value = link[name] || ''; });
    },

    setPathNames(from, to) {
      page.pathFrom.value = from;
      page.pathTo.value = to;
    },
    // One end of a path filled in from the details: the reader types the other next.
    pathFrom(name) {
      page.pathFrom.value = name;
      page.pathTo.focus();
    },
    pathTo(name) {
      page.pathTo.value = name;
      page.pathFrom.focus();
    },

    /** Lists the organizations a search found; `pick(organization)` when one is chosen. */
    showResults(organizations, pick) {
      page.searchResults.replaceChildren();
      organizations.forEach((organization) => {
        const button = element('button', { type: 'button' }, organization.name,
          element('span', { className: 'kind' }, ` · ${(KINDS[organization.kind] || KINDS.OTHER).label}`));
        button.addEventListener('click', () => pick(organization));
        page.searchResults.append(element('li', {}, button));
      });
    },
    focusFirstResult() {
      page.searchResults.querySelector('button').focus();
    },

    /** Offers these organizations' names in both path fields. */
    suggest(organizations) {
      page.names.replaceChildren(...organizations.map((organization) => element('option', { value: organization.name })));
    },

    /** Exporting and clearing need something drawn. */
    enableViewButtons(enabled) {
      page.viewButtons.forEach((button) => { button.disabled = !enabled; });
    },

    download(href, fileName) {
      const link = element('a', { href, download: fileName });
      document.body.append(link);
      link.click();
      link.remove();
    },
  };
}
