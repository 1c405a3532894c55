// The deal network explorer's wiring: it builds the view state (state.js), the graph (graph.js),
// the panels (panels.js) and the controls (controls.js), and runs each of the reader's requests
// through the same steps: fetch from the public GraphQL API (api.js, with the operations in
// explorer.graphql), then change the state, then draw the graph and panels from it, then write the
// address (link.js). Nothing is changed before all of a request's answers arrived, so a refused
// request (a bad date, say) leaves the view as it was. It talks only to this host: the API, and
// /export/network for CSV and GraphML files of the same view.
import { networkAround, organizationById, organizationsMatching, pathsBetween } from './api.js';
import { createControls } from './controls.js';
import { createGraph, drawLegend } from './graph.js';
import { linkOf, readLink } from './link.js';
import { createPanels } from './panels.js';
import { createView } from './state.js';

const status = document.getElementById('status');
const view = createView();
const graph = createGraph(document.getElementById('graph'), {
  organization: (id) => expand(id),
  site: (node) => select('site', node),
  deal: (id) => select('deal', id),
});
// A handle for the browser tests and for curious readers in the console.
window.dealgraphExplorer = { cy: graph.cy, get view() { return view.snapshot(); } };
const controls = createControls({
  search: searchOrganizations,
  findPaths: findPathsBetween,
  knows: (name) => view.knows(name),
  suggest: suggestNames,
  filtersChanged: () => { if (view.hasView()) rebuild(); },
  exportPng: () => controls.download(URL.createObjectURL(graph.png()), `${view.name()}.png`),
  exportFile: (format) => controls.download(`/export/network?${view.exportQuery(format)}`, `${view.name()}.${format}`),
  clear: clearView,
});
const panels = createPanels(view, {
  select,
  expand,
  pathFrom: (name) => controls.pathFrom(name),
  pathTo: (name) => controls.pathTo(name),
  linesAt: (id) => graph.linesAt(id),
});

// ---- the view -----------------------------------------------------------------------

async function showNetworkOf(organization) {
  if (await change(`${organization.name}'s deal network`, { centres: [organization.key], paths: null }, true)) {
    panels.hidePaths();
    select('organization', organization.key);
  }
}

async function expand(id) {
  if (view.isCentre(id)) {
    select('organization', id);
    return;
  }
  const known = view.organization(id);
  const name = known ? known.name : id;
  if (await change(`Expanded ${name}`, { centres: [...view.centres(), id], paths: view.paths() }, false)) {
    select('organization', id);
  }
}

/** Loads the whole view again under the current filters. */
function rebuild() {
  return change('The view', { centres: view.centres(), paths: view.paths() }, true);
}

/**
 * Moves the view to `next` ({ centres, paths }): fetches what it needs first and applies it
 * only when all of it arrived. `replace` draws the view anew, under the filters of the form;
 * otherwise only the new centres are fetched and added, under the view's filters.
 * Returns false when refused, else { paths, truncated }: the paths fetched for this change, or [].
 */
async function change(what, next, replace) {
  const f = replace ? controls.filters() : view.filters();
  const fetching = view.fetching(next, replace);
  setStatus(`Loading ${what.toLowerCase()}…`, 'busy');
  let networks;
  let search = null;
  try {
    [networks, search] = await Promise.all([
      Promise.all(fetching.centres.map((around) => networkAround(around, f))),
      fetching.paths ? pathsBetween(next.paths.from.key, next.paths.to.key, f) : Promise.resolve(null),
    ]);
  } catch (error) {
    setStatus(error.message, 'error');
    return false;
  }
  if (replace) {
    graph.clear();
  }
  view.apply({ replace, next, filters: f, networks, search });
  const paths = search && search.paths;
  if (paths) {
    panels.renderPaths(paths, next.paths.from, next.paths.to, search.truncated);
  }
  draw();
  writeLink();
  setStatus(view.summary(what));
  return { paths: paths || [], truncated: Boolean(search && search.truncated) };
}

function draw() {
  graph.draw(view);
  panels.renderLists();
  controls.enableViewButtons(!graph.isEmpty());
}

function select(kind, id) {
  view.select(id);
  graph.select(id);
  panels.show(kind, id);
}

function clearView() {
  view.clear();
  graph.clear();
  panels.hidePaths();
  panels.renderLists();
  panels.showEmpty();
  controls.enableViewButtons(false);
  writeLink();
  setStatus('The view is empty. Search an organization to see its deal network.');
}

// ---- paths ----------------------------------------------------------------------------

async function findPathsBetween(fromText, toText) {
  setStatus('Looking for paths…', 'busy');
  let from;
  let to;
  try {
    [from, to] = await Promise.all([resolveName(fromText), resolveName(toText)]);
  } catch (error) {
    setStatus(error.message, 'error');
    return;
  }
  // Paths join the view drawn so far, or start one.
  const changed = await change(`Paths from ${from.name} to ${to.name}`, { centres: view.centres(), paths: { from, to } }, graph.isEmpty());
  if (changed) {
    const count = changed.paths.length;
    const cut = changed.truncated ? ' The search was cut short at its bound: shorter paths may exist.' : '';
    setStatus((count === 0
      ? `No path of at most four deals links ${from.name} and ${to.name} under these filters.`
      : `${count} path${count === 1 ? '' : 's'} from ${from.name} to ${to.name}, highlighted in the graph.`) + cut);
  }
}

/** The organization a typed name stands for: one the page has seen, else the best search hit. */
async function resolveName(text) {
  const name = text.trim();
  const known = view.named(name);
  if (known) {
    return known;
  }
  const found = await organizationsMatching(name);
  if (found.length === 0) {
    throw new Error(`No organization matches '${name}'.`);
  }
  return found[0];
}

// ---- search -----------------------------------------------------------------------------

async function searchOrganizations(text) {
  if (!text) {
    return;
  }
  setStatus(`Searching for '${text}'…`, 'busy');
  try {
    const found = await organizationsMatching(text);
    view.learnNames(found);
    controls.showResults(found, showNetworkOf);
    if (found.length === 0) {
      setStatus(`No organization matches '${text}'. Try another spelling or an alias.`);
    } else if (found.length === 1 || found[0].name.toLowerCase() === text.toLowerCase()) {
      await showNetworkOf(found[0]);
    } else {
      setStatus(`${found.length} organizations match '${text}': pick one.`);
      controls.focusFirstResult();
    }
  } catch (error) {
    setStatus(error.message, 'error');
  }
}

async function suggestNames(text) {
  try {
    const found = await organizationsMatching(text);
    view.learnNames(found);
    controls.suggest(found);
  } catch (error) {
    // Suggestions are a convenience; the search on submit reports errors.
  }
}

// ---- status and address ------------------------------------------------------------------

function setStatus(message, state) {
  status.textContent = message;
  status.classList.toggle('error', state === 'error');
  graph.busy(state === 'busy');
  // Cytoscape caches where its canvas sits on the page; if a longer message moved the canvas,
  // clicks would land beside the nodes they aim at.
  graph.resize();
}

/**
 * The page's address says what the view is (`#around=hut-8,coatue&asOf=2024-12-31`, plus
 * `from`/`to` for paths), so a reader can bookmark it or send it to a colleague.
 */
function writeLink() {
  const link = linkOf(view.centres(), view.paths(), view.filters());
  history.replaceState(null, '', link ? `#${link}` : location.pathname);
}

/** Opens the view a link describes: sets the filters, then loads its centres and paths. */
async function openLink() {
  const link = readLink(location.hash.slice(1));
  controls.setFilters(link);
  const { centres } = link;
  let paths = null;
  if (link.from && link.to) {
    try {
      const [from, to] = await Promise.all([link.from, link.to].map(async (id) => {
        const organization = await organizationById(id);
        if (!organization) {
          throw new Error(`The link names an organization that does not exist: '${id}'.`);
        }
        return organization;
      }));
      paths = { from, to };
      controls.setPathNames(from.name, to.name);
    } catch (error) {
      setStatus(error.message, 'error');
      return;
    }
  }
  if (centres.length > 0 || paths) {
    await change('The linked view', { centres, paths }, true);
  }
}

drawLegend(document.getElementById('legend'));
if (location.hash.length > 1) {
  openLink();
}
