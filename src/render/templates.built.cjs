// Stands in for the module `npm run build` writes over it in dist/
// (scripts/build-templates.ts): run from the sources, there is no built
// catalog, and the planner reads and compiles templates/ itself.
module.exports = null;
