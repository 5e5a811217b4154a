// LearningLocker's xAPI statements service (npm @learninglocker/xapi-statements, GPL-3.0, a dev
// dependency used only by the tests), assembled from its own modules as its dist/server.js does,
// with two differences: it listens on 127.0.0.1 only, and its repository is built here with the
// in-memory settings (models in memory, the "test" events repo, local file storage, auth by
// "fetch") instead of dist/repo/index.js, which would also open Mongo and Redis connections.
// Auth by fetch asks LL_CLIENT_INFO_ENDPOINT (Learning Locker's client store; the test runs a
// stand-in that knows one Basic key) which client an Authorization header belongs to.
const path = require("node:path");
const root = path.dirname(require.resolve("@learninglocker/xapi-statements/package.json"));
const load = (file) => require(path.join(root, "dist", file)).default;

const express = require(require.resolve("express", { paths: [root] }));
const config = load("config");
const constants = require(path.join(root, "dist", "utils", "constants"));
const presenter = load("expressPresenter")({
  llClientInfoEndpoint: config.llClientInfoEndpoint,
  customRoute: config.express.customRoute,
  customRouteText: config.express.customRouteText,
  morganDirectory: config.express.morganDirectory,
  bodyParserLimit: config.express.bodyParserLimit,
  service: load("service")({
    repo: load("repo/factory")({
      auth: { facade: "fetch", fetch: { llClientInfoEndpoint: config.llClientInfoEndpoint } },
      events: { facade: "test" },
      models: { facade: "memory", memory: { state: { fullActivities: [], statements: [] } } },
      storage: { facade: "local", local: { storageDir: config.storage.local.storageDir } },
    }),
    tracker: load("tracker"),
    logger: load("logger"),
    ...config.service,
  }),
  tracker: load("tracker"),
  translator: load("translatorFactory")(),
  logger: load("logger"),
  allowUndefinedMethod: config.express.allowUndefinedMethod,
  allowFormBody: config.express.allowFormBody,
});

const app = express();
app.use(constants.aboutRoute, presenter.aboutRouter);
app.use(constants.fullActivitiesRoute, presenter.fullActivitiesRouter);
app.use(constants.statementsRoute, presenter.statementsRouter);
const server = app.listen(config.express.port, "127.0.0.1", () => {
  if (process.send) process.send("ready");
  else console.log(`LRS listening on http://127.0.0.1:${config.express.port}${constants.statementsRoute}`);
});
const stop = () => server.close(() => process.exit(0));
process.on("SIGTERM", stop);
process.on("SIGINT", stop);
// Started by a test: end with it, even if it dies without stopping us.
process.on("disconnect", stop);
