// The view state: what the explorer shows, with no page and no graph in it, so that the graph,
// the panels and the address are all drawn from one account of the view (and it can be tried in
// Node). The view is defined by what the reader did, so that an export can rebuild it on the
// server: the organizations expanded ("centres", each drawn with its depth-1 network) and the
// deals of the paths found, all under the filters it was drawn with.
//
// Other modules read it through the functions of createView() and change it only through apply,
// clear, select and learnNames: the lists they get are copies, theirs to keep.

/** A site's node id: its global id, which no organization id can be. */
export function siteNode(key) {
  return `Site:${key}`;
}

/** How the evidence threshold reads in the status line: '' when every source counts. */
export function evidence(f) {
  return f && f.minConfidence ? ` on ${f.minConfidence.toLowerCase()} evidence or better` : '';
}

export function createView() {
  let centres = []; // organization ids expanded, in the order the reader expanded them
  let pathDeals = []; // ids of the deals on the paths found
  let paths = null; // the last path search ({ from, to } organizations), so a filter change can run it again
  let filters = null; // the filters the view was drawn with; exports and expansions use them
  let truncated = false;
  let selectedId = null; // the organization, deal or site shown in the details
  const organizations = new Map();
  const deals = new Map();
  const sites = new Map(); // the sites of the deals in view, by their node id (`Site:<key>`)
  // Names the reader may type in the path form, learnt from searches and the view.
  const knownNames = new Map();

  function learnNames(found) {
    found.forEach((organization) => knownNames.set(organization.name, organization.key));
  }

  function add(newOrganizations, newDeals) {
    newOrganizations.forEach((organization) => organizations.set(organization.key, organization));
    learnNames(newOrganizations);
    newDeals.forEach((deal) => {
      deals.set(deal.key, deal);
      (deal.sites || []).forEach((site) => sites.set(siteNode(site.key), site));
    });
  }

  return Object.freeze({
    // ---- reading -------------------------------------------------------------------------
    centres: () => [...centres],
    isCentre: (id) => centres.includes(id),
    pathDeals: () => [...pathDeals],
    /** The path search the view holds ({ from, to }), the same object until a new search. */
    paths: () => paths,
    filters: () => filters,
    selected: () => selectedId,
    /** Whether there is a view to draw again: centres or a path search. */
    hasView: () => centres.length > 0 || Boolean(paths),
    organization: (id) => organizations.get(id),
    deal: (id) => deals.get(id),
    site: (node) => sites.get(node),
    // In the order they joined the view: the graph lays new nodes out in that order.
    organizations: () => [...organizations.values()],
    deals: () => [...deals.values()],
    sites: () => [...sites.entries()], // [node id, site] pairs
    dealsAtSite: (node) => [...deals.values()].filter((deal) => (deal.sites || []).some((s) => siteNode(s.key) === node)),
    knows: (name) => knownNames.has(name),

    /** The organization a typed name stands for, when the page has seen it; else null. */
    named(name) {
      if (!knownNames.has(name)) {
        return null;
      }
      return organizations.get(knownNames.get(name)) || { key: knownNames.get(name), name };
    },

    /**
     * What moving to `next` ({ centres, paths }) needs fetched: every centre when the view is
     * drawn anew (`replace`), else only the new ones; the paths when the search is new or redrawn.
     */
    fetching(next, replace) {
      return {
        centres: replace ? next.centres : next.centres.filter((id) => !centres.includes(id)),
        paths: Boolean(next.paths && (replace || next.paths !== paths)),
      };
    },

    /** The status line after `what` changed the view. */
    summary(what) {
      if (deals.size === 0) {
        return `${what}: no deals match these filters. Clear the filters or pick another date.`;
      }
      return `${what}${evidence(filters)}: ${organizations.size} organizations, ${deals.size} deals`
        + (sites.size ? `, ${sites.size} sites` : '')
        + (truncated ? ' (cut at 200 deals per organization: narrow the filters to see the rest).' : '.');
    },

    /** The query of /export/network that rebuilds this view on the server, as a `format` file. */
    exportQuery(format) {
      const f = filters;
      const query = new URLSearchParams();
      centres.forEach((id) => query.append('around', id));
      pathDeals.forEach((id) => query.append('deal', id));
      (f.dealTypes || []).forEach((type) => query.append('dealTypes', type));
      ['since', 'until', 'asOf', 'minConfidence'].forEach((name) => { if (f[name]) query.append(name, f[name]); });
      query.append('format', format);
      return query;
    },

    /** The name of an exported file, without its extension. */
    name: () => `network-${centres[0] || 'paths'}`,

    /** A plain copy of the whole state, for the console. */
    snapshot: () => ({
      centres: [...centres],
      pathDeals: [...pathDeals],
      paths,
      organizations: new Map(organizations),
      deals: new Map(deals),
      sites: new Map(sites),
      truncated,
      selectedId,
      filters,
    }),

    // ---- changing ------------------------------------------------------------------------

    /**
     * Moves the view to `next` ({ centres, paths }) with what was fetched for it: `networks` (one
     * per centre fetched) and `search` (the paths' answer, or null when not fetched). `replace`
     * starts the view anew; otherwise the networks join what is there.
     */
    apply({ replace, next, filters: drawnWith, networks, search }) {
      if (replace) {
        organizations.clear();
        deals.clear();
        sites.clear();
        truncated = false;
        pathDeals = [];
      }
      centres = [...next.centres];
      filters = Object.freeze(drawnWith); // read by exports and links later: never changed in place
      paths = next.paths;
      networks.forEach((network) => {
        add(network.organizations, network.deals);
        truncated = truncated || network.truncated;
      });
      const found = search && search.paths;
      if (found) {
        pathDeals = [...new Set(found.flatMap((path) => path.deals.map((deal) => deal.key)))];
        add(found.flatMap((path) => path.organizations), found.flatMap((path) => path.deals));
      }
    },

    /** Empties the view. The names learnt stay: they still name the same organizations. */
    clear() {
      centres = [];
      pathDeals = [];
      filters = null;
      paths = null;
      organizations.clear();
      deals.clear();
      sites.clear();
    },

    select(id) {
      selectedId = id;
    },

    /** Remembers the names of organizations found, for the path form. */
    learnNames,
  });
}
