package io.dealgraph.graph;

import org.junit.jupiter.api.Test;

import io.dealgraph.graph.GlobalId.Interface;

import static org.assertj.core.api.Assertions.assertThat;

class GlobalIdTests {

	@Test
	void aGlobalIdNamesTheInterfaceAndTheKey() {
		assertThat(GlobalId.of(Interface.Organization, "hut-8")).isEqualTo("Organization:hut-8");
		assertThat(GlobalId.of(Interface.Deal, "E011")).isEqualTo("Deal:E011");
	}

	@Test
	void eitherFormReadsToTheKey() {
		assertThat(GlobalId.keyOf(Interface.Organization, "hut-8")).isEqualTo("hut-8");
		assertThat(GlobalId.keyOf(Interface.Organization, "Organization:hut-8")).isEqualTo("hut-8");
		assertThat(GlobalId.keyOf(Interface.Deal, "Deal:E011")).isEqualTo("E011");
	}

	@Test
	void aGlobalIdOfAnotherInterfaceOrOfNoKeyIsNoId() {
		assertThat(GlobalId.keyOf(Interface.Organization, "Deal:E011")).isNull();
		assertThat(GlobalId.keyOf(Interface.Organization, "Miner:hut-8")).as("a kind is not an interface").isNull();
		assertThat(GlobalId.keyOf(Interface.Organization, "organization:hut-8")).isNull();
		assertThat(GlobalId.keyOf(Interface.Organization, "Organization:")).isNull();
		assertThat(GlobalId.keyOf(Interface.Organization, "Organization:a:b")).isNull();
		assertThat(GlobalId.keyOf(Interface.Organization, ":hut-8")).isNull();
	}

	@Test
	void anIdWhereAnyNodeMayStandNamesItsInterfaceOnlyInTheGlobalForm() {
		assertThat(GlobalId.read("Site:lake-mariner")).isEqualTo(new GlobalId.Named(Interface.Site, "lake-mariner"));
		assertThat(GlobalId.read("lake-mariner")).isEqualTo(new GlobalId.Named(null, "lake-mariner"));
		assertThat(GlobalId.read("Miner:hut-8")).as("a kind is not an interface").isNull();
		assertThat(GlobalId.read("Deal:")).isNull();
		assertThat(GlobalId.read("Deal:a:b")).isNull();
		assertThat(GlobalId.read("")).isNull();
	}

}
