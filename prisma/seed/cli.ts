// `npm run db:seed`: seeds the database at DATABASE_URL when it is empty.
import { seedIfEmpty } from './index'

seedIfEmpty({ log: console.log })
  .then((seeded) => {
    if (!seeded) console.log('The database already has data: nothing seeded.')
  })
  .catch((error) => {
    console.error(error)
    process.exit(1)
  })
