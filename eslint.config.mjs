import {defineConfig, globalIgnores} from 'eslint/config'
import nextVitals from 'eslint-config-next/core-web-vitals'
import nextTs from 'eslint-config-next/typescript'

// The embedded lake's layers, lowest first: each may import only the layers before it, and only
// through their index (`../store`, never `../store/dataset`). See sanity/lake/README.md.
const LAKE_LAYERS = ['core', 'auth', 'mutation', 'query', 'store', 'rules', 'realtime', 'http']

export default defineConfig([
  ...nextVitals,
  ...nextTs,
  globalIgnores([
    '.next/**',
    'out/**',
    'dist/**',
    '.data/**',
    '.sanity/**',
    'test-results/**',
    'playwright-report/**',
    'next-env.d.ts',
  ]),
  {
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        {argsIgnorePattern: '^_', varsIgnorePattern: '^_'},
      ],
    },
  },
  {
    // Every package the code imports is declared: the product's in dependencies, what only
    // tests, benchmarks and tool settings use in devDependencies.
    files: ['**/*.{ts,tsx,mjs}'],
    rules: {
      'import/no-extraneous-dependencies': [
        'error',
        {
          devDependencies: [
            'tests/**',
            'bench/**',
            'playwright.config.ts',
            'vitest.config.ts',
            'eslint.config.mjs',
            'scripts/typegen.ts',
          ],
        },
      ],
    },
  },
  {
    // Every GROQ query is declared in sanity/lib/queries.ts and typed by TypeGen (sanity.types.ts)
    files: ['app/**', 'components/**', 'lib/**', 'sanity/**', 'scripts/**', '*.ts'],
    ignores: ['sanity/lib/queries.ts', 'sanity/lake/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: ['next-sanity', 'groq'].map((name) => ({
            name,
            importNames: ['defineQuery', 'groq'],
            message: 'Declare the query in sanity/lib/queries.ts, where TypeGen types it.',
          })),
        },
      ],
      'no-restricted-syntax': [
        'error',
        {
          selector: "CallExpression[callee.property.name='fetch'][typeArguments]",
          message:
            'A query result is typed by TypeGen: fetch a query of sanity/lib/queries.ts without a type argument (asDomain turns the result into a domain type).',
        },
      ],
    },
  },
  {
    files: ['sanity/lake/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: `^\\.\\.?/(${LAKE_LAYERS.join('|')})/`,
              message:
                "Import another layer of the lake through its index ('../store'), not its files.",
            },
          ],
        },
      ],
      'import/no-restricted-paths': [
        'error',
        {
          zones: LAKE_LAYERS.map((layer, index) => ({
            target: `./sanity/lake/${layer}`,
            from: './sanity/lake',
            except: LAKE_LAYERS.slice(0, index + 1).map((allowed) => `./${allowed}`),
            message: `The lake's ${layer} layer uses only the layers below it (${LAKE_LAYERS.slice(0, index).join(', ') || 'none'}).`,
          })),
        },
      ],
    },
  },
  {
    // Sanity TypeGen's output (npm run typegen). Since @sanity/codegen 8 it registers the query
    // types globally and lets the client's interface extend them: empty by design.
    files: ['sanity.types.ts'],
    rules: {'@typescript-eslint/no-empty-object-type': 'off'},
  },
])
