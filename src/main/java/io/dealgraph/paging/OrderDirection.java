package io.dealgraph.paging;

/** Ascending or descending, for every ordering of the API. */
public enum OrderDirection {

	ASC, DESC

}
