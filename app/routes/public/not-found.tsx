/** Every unknown path ends here, so it gets the site's own 404 page inside the public layout. */
export function loader() {
  throw new Response('Not found', { status: 404 })
}

// Never rendered (the loader always throws); a default export keeps this a page route, so
// the layout's error page answers instead of a bare resource response.
export default function NotFound() {
  return null
}
