// The production HTTP server: static assets, then every other request to React Router.
// Our own (instead of react-router-serve) so that the app learns the client's address,
// which login throttling needs: it is passed in a header that clients cannot forge.
import compression from 'compression'
import express from 'express'
import { createRequestHandler } from '@react-router/express'

export const CLIENT_ADDRESS_HEADER = 'x-leerplein-client-address'

const build = await import('./build/server/index.js')
const app = express()
app.disable('x-powered-by')
// Behind a load balancer, TRUST_PROXY=1 (the number of proxies) makes req.ip the client's
// address from X-Forwarded-For instead of the balancer's.
if (process.env.TRUST_PROXY)
  app.set('trust proxy', Number(process.env.TRUST_PROXY) || process.env.TRUST_PROXY)
app.use(compression())
app.use('/assets', express.static('build/client/assets', { immutable: true, maxAge: '1y' }))
app.use(express.static('build/client', { maxAge: '1h' }))
app.use((req, _res, next) => {
  req.headers[CLIENT_ADDRESS_HEADER] = req.ip ?? ''
  next()
})
app.all('*', createRequestHandler({ build, mode: 'production' }))

const port = Number(process.env.PORT ?? 3000)
const host = process.env.HOST ?? '0.0.0.0'
const server = app.listen(port, host, () => {
  console.log(`Leerplein Contactcenter: http://${host === '0.0.0.0' ? 'localhost' : host}:${port}`)
})
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => server.close(() => process.exit(0)))
}
