package io.dealgraph;

import java.util.Currency;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import graphql.GraphqlErrorBuilder;
import io.dealgraph.graph.CypherText;
import io.dealgraph.graph.DealStorage;
import io.dealgraph.neo4j.CypherExecutor;
import jakarta.servlet.http.HttpServletResponse;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.Driver;

import org.springframework.stereotype.Controller;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The layout's rules, read from the compiled classes (no Spring, no database): each
 * concern has one home, and the packages say how the code is built.
 */
class LayoutTests {

	private static final JavaClasses CODE = new ClassFileImporter()
		.withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
		.importPackages("io.dealgraph");

	@Test
	void noPackageDependsOnItselfThroughOthers() {
		assertThat(CODE.containPackage("io.dealgraph.read")).as("the application's classes are read").isTrue();
		slices().matching("io.dealgraph.(*)..").should().beFreeOfCycles().check(CODE);
	}

	@Test
	void errorsAreWrittenInOnePlace() {
		noClasses().that()
			.resideOutsideOfPackage("io.dealgraph.errors..")
			.should()
			.dependOnClassesThat()
			.areAssignableTo(GraphqlErrorBuilder.class)
			.orShould()
			.callMethod(HttpServletResponse.class, "setStatus", int.class)
			.orShould()
			.callMethod(HttpServletResponse.class, "sendError", int.class, String.class)
			.because("ErrorResponses writes every error, GraphQL or HTTP, with its stable code")
			.check(CODE);
	}

	@Test
	void theRulesOfWrittenFactsLiveInTheRulesPackage() {
		noClasses().that()
			.resideOutsideOfPackage("io.dealgraph.rules..")
			.should()
			.callMethod(Currency.class, "getInstance", String.class)
			.because("WriteRules checks currencies for every writer; a second copy would drift")
			.check(CODE);
	}

	@Test
	void controllersHoldNoCypher() {
		noClasses().that()
			.areAnnotatedWith(Controller.class)
			.should()
			.dependOnClassesThat()
			.belongToAnyOf(CypherExecutor.class, CypherText.class, DealStorage.class, Driver.class)
			.because("a controller maps a GraphQL field to its feature's queries or writes, which run the statements")
			.check(CODE);
	}

	@Test
	void theStatementsDependOnTheModelAndOnNoFeature() {
		classes().that()
			.resideInAPackage("io.dealgraph.cypher..")
			.should()
			.onlyDependOnClassesThat()
			.resideInAnyPackage("io.dealgraph.cypher..", "io.dealgraph.graph..", "io.dealgraph.filter..",
					"io.dealgraph.paging..", "io.dealgraph.errors..", "io.dealgraph.source..", "java..",
					"org.jspecify..", "org.neo4j.driver..")
			.because("features run the statements; a statement that reached into a feature would tie the two together")
			.check(CODE);
	}

	@Test
	void aFeaturesControllersAreItsOwn() {
		classes().that()
			.areAnnotatedWith(Controller.class)
			.should(beUsedOnlyInTheirOwnPackage())
			.because("a feature reaches another through its public queries, not through its GraphQL controllers")
			.check(CODE);
	}

	private static ArchCondition<JavaClass> beUsedOnlyInTheirOwnPackage() {
		return new ArchCondition<>("be used only in their own package") {
			@Override
			public void check(JavaClass controller, ConditionEvents events) {
				for (Dependency dependency : controller.getDirectDependenciesToSelf()) {
					JavaClass user = dependency.getOriginClass();
					if (!user.getPackageName().equals(controller.getPackageName())) {
						events.add(SimpleConditionEvent.violated(dependency, dependency.getDescription()));
					}
				}
			}
		};
	}

}
