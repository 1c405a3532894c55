package io.dealgraph.site;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;

import graphql.schema.DataFetchingEnvironment;
import graphql.schema.DataFetchingFieldSelectionSet;
import org.dataloader.DataLoader;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import io.dealgraph.deal.Deal;
import io.dealgraph.deal.DealQueries;
import io.dealgraph.filter.Views;
import io.dealgraph.graph.View;
import io.dealgraph.organization.Organization;
import io.dealgraph.paging.Connection;
import io.dealgraph.paging.Page;
import io.dealgraph.selection.Prefetched;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.graphql.execution.BatchLoaderRegistry;
import org.springframework.stereotype.Controller;

/**
 * A deal's {@code sites}, and a site's operator and deals. A nested field takes the
 * answer its top-level field's statement read (the read compiler reads {@code site},
 * {@code sites} and what stands beneath them); where none did, it loads for a whole level
 * of the response at once, in the view the top-level field set.
 */
@Controller
class SiteController {

	private final SiteQueries sites;

	private final DealQueries deals;

	SiteController(SiteQueries sites, DealQueries deals, BatchLoaderRegistry loaders) {
		this.sites = sites;
		this.deals = deals;
		loaders.forTypePair(SitesOf.class, Sites.class)
			.registerMappedBatchLoader((keys, env) -> Mono.fromCallable(() -> loadSites(keys)));
		loaders.forTypePair(OperatorOf.class, Operator.class)
			.registerMappedBatchLoader((keys, env) -> Mono.fromCallable(() -> loadOperators(keys)));
		loaders.forTypePair(DealsAt.class, DealsPage.class)
			.registerMappedBatchLoader((keys, env) -> Mono.fromCallable(() -> loadDeals(keys)));
	}

	@SchemaMapping(typeName = "Deal")
	CompletableFuture<List<Site>> sites(Deal deal, DataLoader<SitesOf, Sites> loader,
			DataFetchingEnvironment environment) {
		return Prefetched.orLoad(environment,
				() -> loader.load(new SitesOf(deal.id(), Views.of(environment))).thenApply(Sites::sites));
	}

	@SchemaMapping(typeName = "Site")
	CompletableFuture<@Nullable Organization> operator(Site site, DataLoader<OperatorOf, Operator> loader,
			DataFetchingEnvironment environment) {
		return Prefetched.orLoad(environment,
				() -> loader.load(new OperatorOf(site.id())).thenApply(Operator::organization));
	}

	@SchemaMapping(typeName = "Site")
	CompletableFuture<Connection<Deal>> deals(Site site, @Argument @Nullable Integer first,
			@Argument @Nullable String after, @Argument @Nullable Integer last, @Argument @Nullable String before,
			DataLoader<DealsAt, DealsPage> loader, DataFetchingFieldSelectionSet fields,
			DataFetchingEnvironment environment) {
		var key = new DealsAt(site.id(), Page.of(first, after, last, before), fields.contains("totalCount"),
				Views.of(environment));
		return Prefetched.orLoad(environment, () -> loader.load(key).thenApply(DealsPage::connection));
	}

	private Map<SitesOf, Sites> loadSites(Set<SitesOf> keys) {
		Map<SitesOf, Sites> result = new HashMap<>();
		keys.stream().collect(Collectors.groupingBy(SitesOf::view)).forEach((view, group) -> {
			var found = this.sites.sitesOf(group.stream().map(SitesOf::dealId).toList(), view);
			group.forEach((key) -> result.put(key, new Sites(found.getOrDefault(key.dealId(), List.of()))));
		});
		return result;
	}

	private Map<OperatorOf, Operator> loadOperators(Set<OperatorOf> keys) {
		var found = this.sites.operatorsOf(keys.stream().map(OperatorOf::siteId).toList());
		Map<OperatorOf, Operator> result = new HashMap<>();
		keys.forEach((key) -> result.put(key, new Operator(found.get(key.siteId()))));
		return result;
	}

	private Map<DealsAt, DealsPage> loadDeals(Set<DealsAt> keys) {
		Map<DealsAt, DealsPage> result = new HashMap<>();
		keys.stream()
			.collect(Collectors.groupingBy((key) -> List.of(key.page(), key.withTotal(), key.view())))
			.forEach((same, group) -> {
				DealsAt first = group.getFirst();
				var pages = this.deals.dealsAtSites(group.stream().map(DealsAt::siteId).toList(), first.page(),
						first.withTotal(), first.view());
				group.forEach((key) -> result.put(key,
						new DealsPage(pages.getOrDefault(key.siteId(), Connection.of(List.of(), key.page(), 0)))));
			});
		return result;
	}

	/** Loader key: the sites of a deal, in a view. */
	record SitesOf(String dealId, View view) {
	}

	/** Loader value: the sites found. */
	record Sites(List<Site> sites) {
	}

	/** Loader key: the operator of a site. */
	record OperatorOf(String siteId) {
	}

	/** Loader value: the operator, or null. */
	record Operator(@Nullable Organization organization) {
	}

	/** Loader key: a page of a site's deals, in a view. */
	record DealsAt(String siteId, Page page, boolean withTotal, View view) {
	}

	/** Loader value: the page found. */
	record DealsPage(Connection<Deal> connection) {
	}

}
