package io.dealgraph.deal;

import java.util.EnumSet;
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

import io.dealgraph.graph.DealType;
import io.dealgraph.filter.Views;
import io.dealgraph.graph.View;
import io.dealgraph.organization.Organization;
import io.dealgraph.paging.Connection;
import io.dealgraph.paging.Page;
import io.dealgraph.selection.Prefetched;
import org.springframework.context.annotation.Bean;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.graphql.execution.BatchLoaderRegistry;
import org.springframework.graphql.execution.RuntimeWiringConfigurer;
import org.springframework.stereotype.Controller;

@Controller
class DealController {

	private final DealQueries queries;

	DealController(DealQueries queries, BatchLoaderRegistry loaders) {
		this.queries = queries;
		// Organization.deals takes arguments, which @BatchMapping cannot; the key carries
		// them instead, and
		// keys with the same arguments share one statement.
		loaders.forTypePair(OrganizationDeals.class, DealPage.class)
			.registerMappedBatchLoader((keys, env) -> Mono.fromCallable(() -> load(keys)));
		loaders.forTypePair(RelatedOf.class, Related.class)
			.registerMappedBatchLoader((keys, env) -> Mono.fromCallable(() -> loadRelated(keys)));
	}

	/**
	 * The deals this one exists because of, or that exist because of it, standing in the
	 * request's view; batched per level.
	 */
	@SchemaMapping(typeName = "Deal")
	CompletableFuture<List<RelatedDeal>> related(Deal deal, DataLoader<RelatedOf, Related> loader,
			DataFetchingEnvironment environment) {
		return Prefetched.orLoad(environment,
				() -> loader.load(new RelatedOf(deal.id(), Views.of(environment))).thenApply(Related::deals));
	}

	private Map<RelatedOf, Related> loadRelated(Set<RelatedOf> keys) {
		Map<RelatedOf, Related> result = new HashMap<>();
		keys.stream().collect(Collectors.groupingBy(RelatedOf::view)).forEach((view, group) -> {
			var related = this.queries.relatedOf(group.stream().map(RelatedOf::dealId).toList(), view);
			group.forEach((key) -> result.put(key, new Related(related.getOrDefault(key.dealId(), List.of()))));
		});
		return result;
	}

	/** Loader key: the deals related to a deal, in a view. */
	record RelatedOf(String dealId, View view) {
	}

	/** Loader value: the related deals found. */
	record Related(List<RelatedDeal> deals) {
	}

	@SchemaMapping(typeName = "Organization")
	CompletableFuture<Connection<Deal>> deals(Organization organization, @Argument @Nullable List<DealType> types,
			@Argument @Nullable DealDirection direction, @Argument @Nullable Integer first,
			@Argument @Nullable String after, @Argument @Nullable Integer last, @Argument @Nullable String before,
			DataLoader<OrganizationDeals, DealPage> loader, DataFetchingFieldSelectionSet fields,
			DataFetchingEnvironment environment) {
		// Worked out only when the statement above has not read the page: selection sets
		// match names as file globs, a cost per organization of a nested list.
		return Prefetched.orLoad(environment, () -> {
			Set<DealType> typeSet = (types == null || types.isEmpty()) ? EnumSet.noneOf(DealType.class)
					: EnumSet.copyOf(types);
			var selection = new DealSelection(typeSet, (direction != null) ? direction : DealDirection.ANY,
					Page.of(first, after, last, before), fields.contains("totalCount"), Views.of(environment));
			return loader.load(new OrganizationDeals(organization.id(), selection)).thenApply(DealPage::connection);
		});
	}

	private Map<OrganizationDeals, DealPage> load(Set<OrganizationDeals> keys) {
		Map<OrganizationDeals, DealPage> result = new HashMap<>();
		keys.stream().collect(Collectors.groupingBy(OrganizationDeals::selection)).forEach((selection, group) -> {
			var pages = this.queries.dealsOf(group.stream().map(OrganizationDeals::organizationId).toList(), selection);
			group.forEach((key) -> result.put(key, new DealPage(
					pages.getOrDefault(key.organizationId(), Connection.of(List.of(), selection.page(), 0)))));
		});
		return result;
	}

	/** Each deal is served as the object type of its deal type. */
	@Bean
	static RuntimeWiringConfigurer dealTypes() {
		return (wiring) -> wiring.type("Deal", (type) -> type
			.typeResolver((env) -> env.getSchema().getObjectType(((Deal) env.getObject()).type().typeName())));
	}

	/** The data-loader key: whose deals, with which arguments. */
	record OrganizationDeals(String organizationId, DealSelection selection) {
	}

	/**
	 * The data-loader value; a named type so the loader can be found by its value type.
	 */
	record DealPage(Connection<Deal> connection) {
	}

}
