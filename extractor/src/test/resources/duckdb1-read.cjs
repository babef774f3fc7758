// Reads a Tessera store with DuckDB 1.x through the Node client (@duckdb/node-api), an independent reader
// for DuckDbOneClientTest. Usage: node duckdb1-read.cjs CATALOGUE STORE_DIR QUERY...
// Opens CATALOGUE read-only, sets file_search_path to STORE_DIR (as the README tells users to do), runs each
// QUERY and prints one JSON object: {"version": "...", "results": [[row, ...], ...]}.
const { DuckDBInstance } = require('@duckdb/node-api');

(async () => {
  const [catalogue, root, ...queries] = process.argv.slice(2);
  const instance = await DuckDBInstance.create(catalogue, { access_mode: 'READ_ONLY' });
  const connection = await instance.connect();
  await connection.run(`SET file_search_path = '${root.replaceAll("'", "''")}'`);
  const version = (await connection.runAndReadAll('SELECT version() AS v')).getRowObjectsJson()[0].v;
  const results = [];
  for (const query of queries) {
    results.push((await connection.runAndReadAll(query)).getRowsJson());
  }
  console.log(JSON.stringify({ version, results }));
})().catch((e) => {
  console.error(e.message);
  process.exit(1);
});
