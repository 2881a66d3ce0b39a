import {fileURLToPath} from 'node:url'
import {defineConfig} from 'vitest/config'

const root = fileURLToPath(new URL('.', import.meta.url))
const SERVER_CONDITIONS = ['react-server', 'import', 'module', 'node', 'default']

export default defineConfig({
  resolve: {alias: {'@': root}},
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          environment: 'node',
          include: ['tests/unit/**/*.test.ts', 'tests/lake/**/*.test.ts'],
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      {
        // The site's server code against a hosted Sanity project (`abc`), mocked at `fetch`:
        // resolved as Next resolves it for the server (react-server), where @sanity/client
        // speaks through `fetch`.
        extends: true,
        resolve: {conditions: SERVER_CONDITIONS},
        ssr: {resolve: {conditions: SERVER_CONDITIONS, externalConditions: ['react-server']}},
        test: {
          name: 'contract',
          environment: 'node',
          include: ['tests/contract/**/*.test.ts'],
          setupFiles: ['tests/contract/setup.ts'],
          server: {deps: {inline: [/@sanity\/client/, /get-it/, /next-sanity/, /server-only/]}},
        },
      },
      {
        extends: true,
        test: {
          name: 'component',
          environment: 'jsdom',
          include: ['tests/component/**/*.test.tsx'],
          setupFiles: ['tests/component/setup.ts'],
        },
      },
    ],
  },
})
