# aimusic-graphql: multi-stage build, non-root runtime.
# Build:  docker build -t aimusic-graphql .
# Run:    docker run -p 4000:4000 -e AIMUSICAPI_API_KEY=... aimusic-graphql
#         (without a key it runs on the built-in sandbox upstream)

# 1. Dependencies, with dev dependencies, to type-check and to run the tests of the image's code.
FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY tsconfig.json codegen.ts vitest.config.ts schema.graphql ./
COPY src ./src
COPY operations ./operations
COPY scripts ./scripts
RUN npx tsc --noEmit

# 2. Production dependencies only.
FROM node:20-bookworm-slim AS deps
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --no-audit --no-fund && npm cache clean --force

# 3. Runtime: the source runs under tsx (a production dependency); no compiler, no dev tools, not root.
FROM node:20-bookworm-slim AS runtime
ENV NODE_ENV=production PORT=4000 HOST=0.0.0.0
WORKDIR /app
COPY --from=deps --chown=node:node /app/node_modules ./node_modules
COPY --chown=node:node package.json schema.graphql ./
COPY --from=build --chown=node:node /app/src ./src
USER node
EXPOSE 4000
HEALTHCHECK --interval=30s --timeout=3s CMD node -e "fetch('http://127.0.0.1:'+process.env.PORT+'/health').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"
STOPSIGNAL SIGTERM
CMD ["node", "--import", "tsx", "src/main.ts"]
