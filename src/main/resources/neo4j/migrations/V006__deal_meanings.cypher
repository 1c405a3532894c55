// Deals that mean one thing each (issue 17). What the model itself settles moves here; what only a
// source can settle (which acquisitions bought a site, which financings were arranger roles) comes with
// the seed, which a graph loaded from an earlier seed merges again at start (seed/SeedLoader).
//
// A backstop guarantees another party's obligations and gives no money: FINANCING with the instrument
// CREDIT_BACKSTOP was always a guarantee, and is now a GUARANTEE deal with the same parties.
MATCH (d:Deal:Financing {instrument: 'CREDIT_BACKSTOP'})
CALL (d) {
  SET d:Guarantee, d.instrument = null, d.role = null
  REMOVE d:Financing
} IN TRANSACTIONS OF 10000 ROWS;
// Every acquisition was read as the takeover of a whole company; that stays their scope until a source
// says a site or unit was bought.
MATCH (d:Deal:Acquisition) WHERE d.scope IS NULL
CALL (d) {
  SET d.scope = 'COMPANY'
} IN TRANSACTIONS OF 10000 ROWS;
