/**
 * Compares the hand-written Kysely table types (schema.ts) with the migrated database's catalog, so that a
 * migration and its types cannot drift apart unnoticed. The types are read with the TypeScript checker: a column's
 * select type (Kysely's `__select__` of a ColumnType, else the declared type) and whether an insert may leave it out.
 */
import { fileURLToPath } from 'node:url'
import ts from 'typescript'

export const SCHEMA_FILE = fileURLToPath(new URL('./schema.ts', import.meta.url))

/** What a column's TypeScript type says, reduced to what the database can confirm. */
export interface DeclaredColumn {
  nullable: boolean
  optionalOnInsert: boolean
  /** 'string' | 'number' | 'boolean' | 'date' | 'bytes' | 'array' | 'json', several when the type is a union. */
  kinds: Set<string>
}

/** One row of information_schema.columns, as the test reads it. */
export interface CatalogColumn {
  table_name: string
  column_name: string
  is_nullable: 'YES' | 'NO'
  column_default: string | null
  is_identity: 'YES' | 'NO'
  is_generated: 'ALWAYS' | 'NEVER'
  data_type: string
}

/** The `Database` interface of schema.ts: table name → column name → what its type declares. */
export function declaredSchema(file = SCHEMA_FILE): Map<string, Map<string, DeclaredColumn>> {
  const program = ts.createProgram([file], {
    strict: true,
    noEmit: true,
    skipLibCheck: true,
    module: ts.ModuleKind.NodeNext,
    moduleResolution: ts.ModuleResolutionKind.NodeNext,
  })
  const checker = program.getTypeChecker()
  const source = program.getSourceFile(file)
  if (!source) throw new Error(`${file} could not be read`)
  const database = source.statements.find((node): node is ts.InterfaceDeclaration => ts.isInterfaceDeclaration(node) && node.name.text === 'Database')
  if (!database) throw new Error('schema.ts has no Database interface')

  const tables = new Map<string, Map<string, DeclaredColumn>>()
  for (const table of checker.getTypeAtLocation(database).getProperties()) {
    const columns = new Map<string, DeclaredColumn>()
    const tableType = checker.getTypeOfSymbolAtLocation(table, database)
    for (const column of tableType.getProperties()) {
      const type = checker.getTypeOfSymbolAtLocation(column, database)
      const select = phase(checker, type, '__select__', database)
      const insert = phase(checker, type, '__insert__', database)
      columns.set(column.name, {
        nullable: select.some((member) => member.flags & ts.TypeFlags.Null),
        optionalOnInsert: (column.flags & ts.SymbolFlags.Optional) !== 0 || insert.some((member) => member.flags & ts.TypeFlags.Undefined),
        kinds: new Set(select.flatMap((member) => kindOf(checker, member))),
      })
    }
    tables.set(table.name, columns)
  }
  return tables
}

/** Kysely's SelectType/InsertType: one level of ColumnType unwrapped, distributed over a union like theirs. */
function phase(checker: ts.TypeChecker, type: ts.Type, name: '__select__' | '__insert__', at: ts.Node): ts.Type[] {
  return members(type).flatMap((member) => {
    const property = member.getProperty(name)
    return property ? members(checker.getTypeOfSymbolAtLocation(property, at)) : [member]
  })
}

function members(type: ts.Type): ts.Type[] {
  return type.isUnion() ? type.types : [type]
}

function kindOf(checker: ts.TypeChecker, type: ts.Type): string[] {
  if (type.flags & (ts.TypeFlags.Null | ts.TypeFlags.Undefined)) return []
  if (type.flags & ts.TypeFlags.StringLike) return ['string']
  if (type.flags & ts.TypeFlags.NumberLike) return ['number']
  if (type.flags & ts.TypeFlags.BooleanLike) return ['boolean']
  if (type.flags & ts.TypeFlags.Unknown) return ['json']
  const name = type.getSymbol()?.name
  if (name === 'Date') return ['date']
  if (name === 'Uint8Array' || name === 'Buffer') return ['bytes']
  if (checker.isArrayType(type)) return ['array']
  return ['json']
}

/** The TypeScript kinds a PostgreSQL column of `dataType` may be declared as (the drivers' parsing as configured). */
function acceptedKinds(dataType: string): string[] {
  switch (dataType) {
    case 'text':
    case 'character varying':
    case 'character':
    case 'uuid':
    case 'date':
    case 'inet':
    case 'USER-DEFINED':
      return ['string']
    case 'integer':
    case 'smallint':
    case 'real':
    case 'double precision':
      return ['number']
    case 'bigint':
    case 'numeric':
      return ['number', 'string']
    case 'boolean':
      return ['boolean']
    case 'timestamp with time zone':
    case 'timestamp without time zone':
      return ['date']
    case 'bytea':
      return ['bytes']
    case 'ARRAY':
      return ['array']
    case 'jsonb':
    case 'json':
      return ['json', 'array', 'string', 'number', 'boolean']
    default:
      return []
  }
}

/** Every disagreement between the declared types and the catalog, one readable line each (empty when none). */
export function schemaDrift(declared: Map<string, Map<string, DeclaredColumn>>, catalog: CatalogColumn[], ignoredTables: string[]): string[] {
  const problems: string[] = []
  const actual = new Map<string, CatalogColumn[]>()
  for (const row of catalog) {
    if (ignoredTables.includes(row.table_name)) continue
    actual.set(row.table_name, [...(actual.get(row.table_name) ?? []), row])
  }
  for (const table of declared.keys()) if (!actual.has(table)) problems.push(`${table}: declared in schema.ts, missing in the database`)
  for (const [table, rows] of actual) {
    const columns = declared.get(table)
    if (!columns) {
      problems.push(`${table}: in the database, not declared in schema.ts`)
      continue
    }
    for (const name of columns.keys()) if (!rows.some((row) => row.column_name === name)) problems.push(`${table}.${name}: declared, missing in the database`)
    for (const row of rows) {
      const column = columns.get(row.column_name)
      const at = `${table}.${row.column_name}`
      if (!column) {
        problems.push(`${at}: in the database, not declared`)
        continue
      }
      const nullable = row.is_nullable === 'YES'
      if (nullable !== column.nullable)
        problems.push(`${at}: ${nullable ? 'NULL allowed' : 'NOT NULL'} in the database, ${column.nullable ? 'nullable' : 'not nullable'} in its type`)
      const filledByDatabase = row.column_default !== null || row.is_identity === 'YES' || row.is_generated === 'ALWAYS'
      if (!nullable && !filledByDatabase && column.optionalOnInsert) problems.push(`${at}: NOT NULL without a default, but optional on insert in its type`)
      const accepted = acceptedKinds(row.data_type)
      const wrong = [...column.kinds].filter((kind) => !accepted.includes(kind))
      if (accepted.length === 0) problems.push(`${at}: database type ${row.data_type} has no known TypeScript kind`)
      else if (column.kinds.size === 0 || wrong.length > 0) {
        problems.push(`${at}: ${row.data_type} in the database, declared as ${[...column.kinds].join(' | ') || 'nothing'}`)
      }
    }
  }
  return problems
}
