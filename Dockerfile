# The production image: built with the dev tools in one stage, run with production dependencies only,
# as an unprivileged user. Several machines: compose.yaml (README, "Several machines").
FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci
COPY . .
RUN npm run build

FROM node:20-bookworm-slim
ENV NODE_ENV=production PORT=3000
WORKDIR /app
COPY package.json package-lock.json ./
# postinstall skips Prisma generation without the CLI: the clients are compiled into build/
RUN npm ci --omit=dev && npm cache clean --force
COPY --from=build /app/build ./build
COPY --from=build /app/public ./public
COPY prisma ./prisma
COPY scripts ./scripts
RUN mkdir -p data && chown node:node data
USER node
EXPOSE 3000
HEALTHCHECK --interval=10s --timeout=3s CMD node -e "fetch('http://127.0.0.1:'+process.env.PORT+'/readyz').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"
# SIGTERM reaches node directly (exec form): requests in flight finish, then it exits
CMD ["node", "scripts/start.mjs"]
