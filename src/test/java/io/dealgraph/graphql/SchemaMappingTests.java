package io.dealgraph.graphql;

import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import graphql.schema.DataFetcher;
import graphql.schema.FieldCoordinates;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLNamedType;
import graphql.schema.GraphQLObjectType;
import graphql.schema.GraphQLSchema;
import org.junit.jupiter.api.Test;

import io.dealgraph.audit.Change;
import io.dealgraph.deal.Deal;
import io.dealgraph.graph.DealType;
import io.dealgraph.network.Network;
import io.dealgraph.network.Path;
import io.dealgraph.network.PathSearch;
import io.dealgraph.organization.Organization;
import io.dealgraph.graph.OrganizationKind;
import io.dealgraph.support.RunsDealgraph;
import io.dealgraph.timeline.TimelineEvent;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.execution.GraphQlSource;
import org.springframework.graphql.execution.SchemaMappingInspector;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every field of the schema is answered: by a controller method or by a property of the
 * Java type.
 */
@RunsDealgraph
class SchemaMappingTests {

	@Autowired
	GraphQlSource graphQlSource;

	@Test
	void noSchemaFieldIsUnmapped() {
		var schema = this.graphQlSource.schema();
		Map<String, Map<String, DataFetcher>> registered = new HashMap<>();
		for (var type : schema.getAllTypesAsList()) {
			if (type instanceof GraphQLObjectType object && !object.getName().startsWith("__")) {
				for (var field : object.getFieldDefinitions()) {
					var coordinates = FieldCoordinates.coordinates(object, field);
					if (schema.getCodeRegistry().hasDataFetcher(coordinates)) {
						registered.computeIfAbsent(object.getName(), (name) -> new HashMap<>())
							.put(field.getName(), schema.getCodeRegistry().getDataFetcher(coordinates, field));
					}
				}
			}
		}
		var inspector = SchemaMappingInspector.initializer();
		for (OrganizationKind kind : OrganizationKind.values()) {
			inspector.classMapping(kind.typeName(), Organization.class);
		}
		for (DealType type : DealType.values()) {
			inspector.classMapping(type.typeName(), Deal.class);
		}
		// network, pathsBetween, connections and timeline answer in a DataFetcherResult,
		// to carry their view to the fields beneath; the inspector does not look inside
		// one, so their types are named.
		inspector.classMapping("Network", Network.class);
		inspector.classMapping("TimelineEvent", TimelineEvent.class);
		inspector.classMapping("PathSearch", PathSearch.class);
		inspector.classMapping("Path", Path.class);
		// A change is reached only through a connection (skipped, below) and the Node
		// interface, whose object types the inspector cannot tell.
		inspector.classMapping("Change", Change.class);
		var report = inspector.inspect(schema, registered);

		// network, pathsBetween, connections and timeline answer in a DataFetcherResult,
		// to carry their view to the fields beneath, and the inspector does not look
		// inside one: their types' fields are checked here to be properties of the
		// records they answer with.
		assertThat(report.unmappedFields()).allSatisfy((coordinates) -> assertThat(coordinates.getTypeName())
			.isIn("Network", "PathSearch", "Path", "TimelineEvent"));
		// Network.sites has a fetcher of its own (site/SiteController); the other fields
		// are the record's.
		assertThat(properties(Network.class)).containsAll(fields(schema, "Network").stream()
			.filter((field) -> !registered.getOrDefault("Network", Map.of()).containsKey(field))
			.toList());
		assertThat(registered.get("Network")).containsKey("sites");
		assertThat(properties(Path.class)).containsAll(fields(schema, "Path"));
		assertThat(properties(PathSearch.class)).containsAll(fields(schema, "PathSearch"));
		assertThat(properties(TimelineEvent.class)).containsAll(fields(schema, "TimelineEvent"));
		assertThat(report.unmappedRegistrations()).isEmpty();
		assertThat(report.unmappedArguments()).isEmpty();
		// The inspector follows a connection only into Spring's own pagination types
		// (Window, Slice); ours are
		// records of our own, so it skips them. Their fields are plain record properties.
		assertThat(report.skippedTypes())
			.allSatisfy((skipped) -> assertThat(((GraphQLNamedType) skipped.type()).getName()).endsWith("Connection"));
	}

	private static List<String> fields(GraphQLSchema schema, String type) {
		return schema.getObjectType(type).getFieldDefinitions().stream().map(GraphQLFieldDefinition::getName).toList();
	}

	private static List<String> properties(Class<? extends Record> type) {
		return Arrays.stream(type.getRecordComponents()).map(RecordComponent::getName).toList();
	}

}
