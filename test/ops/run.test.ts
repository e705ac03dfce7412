import { runSuite } from '../helpers/run-suite.js'

runSuite(comm => comm === 'perl', 'the spawner')
