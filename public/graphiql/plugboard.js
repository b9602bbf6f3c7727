// Plugboard's GraphiQL start-up, loaded by the page before graphql-ws's and GraphiQL's bundles
// (src/http/graphiql-page.ts). It is a plain script, not built: the browser runs it as it is.
//
// Why a fetcher of our own: yoga's builds its graphql-ws client once, with fixed connectionParams,
// so the key typed in the Headers tab never reached connection_init, and a refused socket showed as
// {"errors":[{"isTrusted":true}]} (a CloseEvent put through JSON.stringify). This one sends the
// Headers tab with every operation: as HTTP headers for queries and mutations, as connectionParams
// for subscriptions (a new socket when the headers change), and turns a refusal into its message.
(function () {
  "use strict";

  // Monaco creates <style> elements without a nonce, which the page's CSP would refuse: each gets
  // the nonce this script was loaded with (react-remove-scroll reads __webpack_nonce__ for its own)
  var nonce = document.currentScript.nonce;
  var createElement = Document.prototype.createElement;
  Document.prototype.createElement = function (name) {
    var element = createElement.apply(this, arguments);
    if (String(name).toLowerCase() === "style") element.nonce = nonce;
    return element;
  };
  window.__webpack_nonce__ = nonce;

  var options = JSON.parse(document.getElementById("graphiql-options").textContent);
  var endpoint = new URL(options.endpoint, location.href);
  var socketUrl = new URL(endpoint);
  socketUrl.protocol = endpoint.protocol === "https:" ? "wss:" : "ws:";

  // Monaco's workers from this server (not blob: URLs made from a CDN download)
  var workers = {
    editorWorkerService: "/graphiql/editor.worker.js",
    json: "/graphiql/json.worker.js",
    graphql: "/graphiql/graphql.worker.js",
  };
  self.MonacoEnvironment = {
    globalAPI: false,
    getWorkerUrl: function (_moduleId, label) {
      return workers[label] || workers.editorWorkerService;
    },
  };

  function operationType(params, opts) {
    var definitions = (opts && opts.documentAST && opts.documentAST.definitions) || [];
    var operations = definitions.filter(function (d) {
      return d.kind === "OperationDefinition";
    });
    var chosen = operations.find(function (d) {
      return d.name && d.name.value === params.operationName;
    });
    if (!chosen && operations.length === 1) chosen = operations[0];
    return chosen ? chosen.operation : "query";
  }

  // the server's own words for a failure, whatever shape it arrives in
  function errorsOf(error) {
    if (Array.isArray(error)) return error; // graphql-ws `error` message: GraphQL errors
    if (error && typeof error.code === "number" && "reason" in error) {
      // a CloseEvent: 4401 no key, 4403 a bad or revoked key, 4429 too many sockets
      var said = error.reason ? error.reason + " " : "";
      return [{ message: said + "(WebSocket closed with code " + error.code + ")", extensions: { closeCode: error.code } }];
    }
    if (error && error.type === "error") return [{ message: "Could not reach the WebSocket at " + socketUrl }];
    return [{ message: error && error.message ? error.message : String(error) }];
  }

  var socket = { key: null, client: null };
  function socketFor(headers) {
    var key = JSON.stringify(headers);
    if (socket.key !== key) {
      if (socket.client) socket.client.dispose();
      socket = {
        key: key,
        // lazy: opened by the first subscription, closed after the last; no retry, so a refusal shows
        client: graphqlWs.createClient({ url: socketUrl.href, connectionParams: headers, lazy: true, retryAttempts: 0 }),
      };
    }
    return socket.client;
  }

  function subscribe(params, headers) {
    return {
      subscribe: function (observer) {
        var done = false;
        var dispose = socketFor(headers).subscribe(
          { query: params.query, operationName: params.operationName, variables: params.variables },
          {
            next: function (result) {
              observer.next(result);
            },
            error: function (error) {
              if (done) return;
              done = true;
              observer.next({ errors: errorsOf(error) });
              observer.complete();
            },
            complete: function () {
              done = true;
              observer.complete();
            },
          },
        );
        return {
          unsubscribe: function () {
            done = true;
            dispose();
          },
        };
      },
    };
  }

  function request(params, headers) {
    return fetch(endpoint, {
      method: "POST",
      credentials: "omit",
      headers: Object.assign({ "content-type": "application/json", accept: "application/graphql-response+json, application/json" }, headers),
      body: JSON.stringify({ query: params.query, operationName: params.operationName, variables: params.variables }),
    }).then(function (response) {
      return response.text().then(function (text) {
        try {
          return JSON.parse(text);
        } catch (_) {
          return { errors: [{ message: "HTTP " + response.status + ": " + text.slice(0, 500) }] };
        }
      });
    });
  }

  function fetcher(params, opts) {
    var headers = (opts && opts.headers) || {};
    return operationType(params, opts) === "subscription" ? subscribe(params, headers) : request(params, headers);
  }

  document.addEventListener("DOMContentLoaded", function () {
    YogaGraphiQL.renderYogaGraphiQL(document.getElementById("root"), Object.assign({}, options.graphiql, { fetcher: fetcher }));
  });
})();
