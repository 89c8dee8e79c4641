/* Déclic: Pagefind's API as Pagefind's UI loads it (`<bundlePath>pagefind.js`), with one change:
   the pages of the reader's trade (kept by declic-search.js) come first, each group in Pagefind's
   own order. They are found by the `metier` filter every card and trade page carries: the trade's id, never
   its name (Pagefind's UI writes filter values into its filter panel as HTML). The real
   module is the site's pagefind/pagefind.js, which finds its index from its own address. */
import * as pagefind from "../../../pagefind/pagefind.js";

export const { createInstance, debouncedSearch, destroy, filters, init, mergeIndex, options, preload } = pagefind;

export async function search(term, settings) {
  const found = await pagefind.search(term, settings);
  const trade = window.declic && window.declic.readerTrade ? window.declic.readerTrade() : null;
  if (!trade || !found || !found.results || !found.results.length) return found;
  const given = (settings && settings.filters) || {};
  const mine = await pagefind.search(term, { ...settings, filters: { ...given, metier: trade.id } });
  const ids = new Set(((mine && mine.results) || []).map((result) => result.id));
  const first = found.results.filter((result) => ids.has(result.id));
  const rest = found.results.filter((result) => !ids.has(result.id));
  return { ...found, results: first.concat(rest) };
}
