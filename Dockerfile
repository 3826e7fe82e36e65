# The story bot in a container (README "In a container"). Two stages: the first installs the runtime
# dependencies (sqlite3 may compile, and src/search/bm25.c does, hence the build tools) and bundles the bot as
# `npm start` does; the second carries only what runs, as the unprivileged `node` user.
FROM node:20-slim AS build
WORKDIR /app
RUN apt-get update && apt-get install -y --no-install-recommends python3 make g++ && rm -rf /var/lib/apt/lists/*
COPY package.json package-lock.json ./
# npm ci's postinstall builds the search index's ranking function (scripts/build-bm25.ts) into dist/bm25.so.
COPY scripts/build-bm25.ts ./scripts/
COPY src/search/bm25.c src/search/bm25.ts ./src/search/
# esbuild and tsx are runtime dependencies: the bundle is built with them, and deploy-commands runs under tsx.
RUN npm ci --omit=dev
COPY tsconfig.json ./
COPY scripts ./scripts
COPY src ./src
COPY commands ./commands
RUN npm run build

FROM node:20-slim
ENV NODE_ENV=production
WORKDIR /app
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
COPY package.json package-lock.json tsconfig.json ./
# Sources stay beside the bundle for `npm run deploy-commands` and `npm run library` in the container.
COPY scripts ./scripts
COPY src ./src
COPY commands ./commands
COPY seeds ./seeds
RUN mkdir -p data library && chown node:node data library
USER node
# node itself is PID 1 and handles SIGTERM (places queued are written before it exits); `npm start` would
# bundle again at every start and, under sh, may not pass the signal on.
CMD ["node", "dist/index.js"]
