// Stylesheets mean nothing to jsdom; components import them for the browser build only.
module.exports = {};
