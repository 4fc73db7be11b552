// jscodeshift transform that parses each file and changes nothing: the cost measured is
// jscodeshift's own walk + read + parse (tsx), the part a caller search cannot avoid.
// Returning the source unchanged is counted as "unmodified" (undefined would be "skipped").
module.exports = function noop(file, api) {
  api.jscodeshift(file.source);
  return file.source;
};
