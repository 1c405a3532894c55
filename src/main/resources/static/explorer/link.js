// What a view's address says: `#around=hut-8,coatue&asOf=2024-12-31`, plus `from`/`to` for
// paths and `dealTypes`, `since`, `until` and `minConfidence` for the filters. Plain functions of the view, so a
// link always opens the view it was written from.

// The dates and the evidence threshold, each one plain value.
const DATES = ['since', 'until', 'asOf', 'minConfidence'];

/**
 * The address of a view: its centres (organization ids, in the order the reader expanded them),
 * its path search ({ from, to } organizations, or null) and its filters; '' for an empty view.
 */
export function linkOf(centres, paths, filters) {
  const link = new URLSearchParams();
  if (centres.length > 0) link.set('around', centres.join(','));
  if (paths) {
    link.set('from', paths.from.key);
    link.set('to', paths.to.key);
  }
  const f = filters || {};
  if (f.dealTypes) link.set('dealTypes', f.dealTypes.join(','));
  DATES.forEach((name) => { if (f[name]) link.set(name, f[name]); });
  return link.toString();
}

/**
 * The view an address describes: { centres, from, to, dealTypes, since, until, asOf }, with
 * empty lists and nulls for what it leaves out.
 */
export function readLink(address) {
  const link = new URLSearchParams(address);
  const list = (name) => (link.get(name) || '').split(',').map((part) => part.trim()).filter(Boolean);
  const view = {
    centres: list('around'),
    from: link.get('from'),
    to: link.get('to'),
    dealTypes: list('dealTypes'),
  };
  DATES.forEach((name) => { view[name] = link.get(name); });
  return view;
}
